using System.Text.RegularExpressions;

namespace Ava.Infrastructure.Ai;

/// <summary>One kind of evidence that a text tries to instruct the model, with its weight (0–1) and the reason shown to people.</summary>
internal sealed record InjectionSignal(string Category, string Reason, double Weight, Regex Pattern);

/// <summary>
/// The scorer's phrase patterns. Each looks for an attack's shape (who is addressed, what object is
/// overridden, which marker is forged), not for a single word: "override the timeout" and a line
/// that starts with "system:" are ordinary engineering text. Patterns run without backtracking, so
/// hostile input cannot make them slow.
/// </summary>
internal static class InjectionPatterns
{
    public const string Override = "override";
    public const string Addressed = "addressed";
    public const string Persona = "persona";
    public const string Markers = "markers";
    public const string Boundary = "boundary";
    public const string Encoded = "encoded";
    public const string Privilege = "privilege";
    public const string Suppress = "suppress";
    public const string Exfiltration = "exfiltration";

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking | RegexOptions.Multiline;

    private const string OverrideVerb = @"(ignore|disregard|forget|overrid(e|ing)|overrule|bypass|set aside|discard|abandon|drop|stop following)";
    private const string AiNoun = @"(ai|a\.i\.|assistant|llm|language model|chat ?bot|gpt|chatgpt|claude|copilot|gemini|model|bot|agent)";

    public static IReadOnlyList<InjectionSignal> All { get; } =
    [
        // Instructions that try to replace the product's own.
        S(Override, "asks the model to drop its previous instructions", 0.65,
            $@"\b{OverrideVerb}\b[^.\n]{{0,30}}\b(all|any|every|previous|prior|above|earlier|preceding|original|initial|your|system|developer)\b[^.\n]{{0,20}}\b(instructions?|prompts?|rules|guidelines|directives|directions|guardrails|constraints|programming|system message)\b"),
        S(Override, "asks the model to forget what it was told", 0.6,
            @"\b(forget|ignore|disregard)\s+(what|everything|anything|all)\s+(that\s+)?(you were|you've been|you have been|you got|i|we)\s+(told|given|instructed|said|asked)\b"),
        S(Override, "talks about the model's instructions or system prompt", 0.35,
            @"\b(system prompt|system message|initial prompt|hidden instructions|prompt injection test|your (instructions|guidelines|guardrails|programming|rules))\b"),
        S(Override, "asks the model to drop its previous instructions (in another language)", 0.65,
            @"(\b(ignora|ignore|ignorez|ignorer|olvida|olvide|omite|oublie[zr]?|esque[çc]a)\b[^.\n]{0,40}\b(instrucciones|instructions|consignes|instru[çc][õo]es|istruzioni|reglas|r[èe]gles)\b)|(\b(ignorier(e|en)?|vergiss|vergessen sie|missachte)\b[^.\n]{0,40}\b(anweisungen|anleitungen|vorgaben|regeln)\b)|(\b(dimentica|ignora)\b[^.\n]{0,40}\bistruzioni\b)|((игнорируй|игнорируйте|забудь|забудьте|проигнорируй)[^.\n]{0,40}(инструкции|указания|правила))|((忽略|无视|忘记|忽视|無視)[^。\n]{0,20}(指令|指示|说明|規則|规则|提示))|((指示|命令|ルール)[^。\n]{0,20}(無視|忘れ))|((지시|지침|명령)[^.\n]{0,20}(무시|잊어))"),

        // Text that speaks to the model rather than to people.
        S(Addressed, "is addressed to an AI reading it", 0.5,
            $@"(\b(dear|hey|hi|hello|attention|note (to|for)|message (to|for)|instructions? for|reminder (to|for))\s+(the\s+|any\s+|all\s+)?{AiNoun}s?\b)|(\b(if|when) you are an? {AiNoun}\b)|(\b{AiNoun}s?\s+(reading|reviewing|processing|summari[sz]ing|parsing|analy[sz]ing) (this|these)\b)|(\b(to|for) (any|all|the) (ai|llm|automated|language model)\s*\w*\s*(reading|reviewer|reviewers|agents?|assistants?)\b)|(\b(ai|llm|automated) (code )?(reviewers?|agents?|assistants?|summari[sz]ers?)\s*[:,])"),
        S(Addressed, "opens by calling on the assistant", 0.45,
            $@"^\W{{0,6}}(assistant|ai|claude|chatgpt|gpt|copilot|model)\s*[,:!]\s+(you|please|ignore|from|now|your|the|set|mark|approve|give|output|respond|do)\b"),
        S(Addressed, "gives the model a new task", 0.55,
            @"\byour (new|real|true|actual|only|primary|updated) (task|goal|objective|job|purpose|instructions?|role|mission|orders)\b"),

        // Role play and persona switches.
        S(Persona, "tries to change who the model is", 0.55,
            $@"(\byou are (now|no longer)\b[^.\n]{{0,20}}\b({AiNoun}|unrestricted|uncensored|free|jailbroken|dan|admin|administrator|root|hacker|pirate|evil)\b)|(\bfrom now on\b[^.\n]{{0,30}}\b(you|respond|answer|reply|act|behave|output)\b)|(\b(pretend|imagine) (you are|to be|that you are) (an?|the)\s+(\w+\s+)?({AiNoun}|hacker|unrestricted|uncensored)\b)|(\b(developer|god|dan|jailbreak|unrestricted) mode\b)|(\bdo anything now\b)|(\b(eres ahora|tu es maintenant|du bist jetzt|ты теперь|你现在是|あなたは今)\b)"),
        S(Persona, "tells the model it has no rules", 0.5,
            @"\b(you (have|had|now have)|with|without|act as if you have) (no|zero|any) (rules|guidelines|restrictions|filters|limits|limitations|guardrails|safety (rules|guidelines))\b"),
        S(Persona, "tells the model it is someone else", 0.5,
            $@"\byou are no longer (an?|the) [^.\n]{{0,40}}\byou are (now )?(an?|the)\b"),
        S(Persona, "tells the reader who they are now", 0.3,
            @"\byou are now (a|an|the|my)\b"),

        // Chat-format markers and role lines, forged to look like the conversation itself.
        S(Markers, "contains chat-template tokens", 0.6,
            @"(<\|(im_start|im_end|system|user|assistant|endoftext|eot_id|start_header_id|end_header_id)\|>)|(\[/?INST\])|(<</?SYS>>)|(^\s*#{2,3}\s*(system|instruction|instructions|assistant|response)\s*:?\s*$)|(</?(system|instructions?|assistant|user_input|system_prompt)>)"),
        S(Markers, "contains a role line followed by orders", 0.5,
            @"^\s*(system|assistant|developer|admin|operator)\s*:\s*[^\n]{0,40}\b(you must|you should|you will|you are|respond|reply|answer with|output only|from now on|approve|ignore|do not mention)\b"),
        S(Markers, "contains a line that looks like a chat role", 0.2,
            @"^\s*(system|assistant|developer|human)\s*:\s*\S"),
        S(Markers, "forges a chat message in JSON", 0.25,
            @"""role""\s*:\s*""(system|assistant|developer)"""),

        // Attempts to end the data early.
        S(Boundary, "tries to close the data boundary", 0.7,
            @"(<<<\s*(end_)?untrusted)|(---\s*(codestone_end|codestone_start|end|start|end of (input|data|context|document|content)|system|begin system)\s*---)|(\b(end of|end the) (user |untrusted )?(input|data|content|document|context)\b)|(</(untrusted|data|context|document|input|user_input|content)>)|(\[(end of|/)(input|data|context|document)\])"),

        // Requests to decide, escalate or change permissions on someone's behalf.
        S(Privilege, "asks to grant a role or a permission", 0.35,
            @"\b(grant|give|assign|add|elevate|promote|make)\b[^.\n]{0,30}\b(admin|administrator|root|superuser|sudo|approver|owner)\b"),
        S(Privilege, "names the product's permissions", 0.5,
            @"\b(ai_recommendation_approver|approve_ai_recommendations|modify_schemas|execute_commands|manage_users|run_ai_prompts)\b"),
        S(Privilege, "asks for a perfect score or an approval", 0.5,
            @"(\b(rate|score|give|set|mark|assign|report|rank)\b[^.\n]{0,40}(\b10\s*/\s*10\b|\b10 out of 10\b|\bperfect (score|marks)\b|\bfull marks\b|\bmaximum scores?\b|\bscores? of 10\b|\becl(_score)?\s*(of|=|:|to|at)?\s*1(\.0+)?\b))|(\b(all|every|each)\s+(the\s+)?scores?\s+(at|to|=|of)\s+(10|ten|maximum)\b)|(\b(set|mark|change|make|recommend|move)\b[^.\n]{0,30}\b(recommended_status|review_status|status)\b[^.\n]{0,20}\b(approved|merged)\b)|(\b(auto-?approve|approve (it|this|the recommendation|the change) (immediately|now|without review))\b)"),
        S(Privilege, "asks for an approval", 0.3,
            @"(\b(approve|accept|merge|sign off on)\b[^.\n]{0,20}\b(this|these|it|the (change|pr|pull request|recommendation|snippet|codestone))\b)|(\b(aprueba|apruebe|approuvez|approuve|genehmige|genehmigen sie|одобри|批准)\b)"),
        S(Privilege, "asks to escalate at the highest urgency", 0.2,
            @"\b(escalate|open a ticket|create a ticket)\b[^.\n]{0,30}\b(critical|urgent|immediately|p0|sev(erity)?\s*1)\b"),

        // Requests to hide what a reviewer should see.
        S(Suppress, "asks the model to leave findings out", 0.5,
            @"(\b(do not|don't|never|must not|should not)\s+(mention|report|flag|list|include|raise|note|point out)\b[^.\n]{0,40}\b(issues?|vulnerabilit(y|ies)|problems?|findings?|security|secrets?|weakness(es)?|risks?|this (function|file|code|block))\b)|(\breport (no|zero) (security )?(issues|problems|vulnerabilities|findings|risks)\b)|(\b(skip|omit|ignore|exclude)\b[^.\n]{0,20}\b(security|vulnerability) (analysis|review|check|checks|scan|findings)\b)"),
        S(Suppress, "vouches for itself", 0.25,
            @"\b(this|the) (code|file|snippet|function|module|stream|content) (is|has been|was) (already )?(safe|secure|audited|verified|pre-?approved|pre-?cleared|whitelisted)\b"),

        // Leaking what the model knows.
        S(Exfiltration, "asks the model to reveal its instructions", 0.6,
            @"\b(reveal|print|show|repeat|output|display|leak|tell me|write out)\b[^.\n]{0,30}\b(system prompt|your (instructions|prompt|rules|guidelines)|the (instructions|text|prompt|message)s? above|hidden instructions|initial prompt|the security rules)\b"),
        S(Exfiltration, "asks to send data to an address", 0.5,
            @"\b(send|post|upload|forward|leak|exfiltrate|append|include|embed)\b[^.\n]{0,40}\b(to|at|in)\s+(https?://|the (url|link|address|webhook))"),
        S(Exfiltration, "asks to decode hidden text and act on it", 0.5,
            @"\b(decode|base64-?decode|rot13|decrypt|unscramble)\b[^.\n]{0,40}\b(and|then)\b[^.\n]{0,20}\b(follow|execute|run|do|obey|apply|act on|carry out)\b"),
    ];

    private static InjectionSignal S(string category, string reason, double weight, string pattern) =>
        new(category, reason, weight, new Regex(pattern, Options));
}

using Ava.Domain.Codestones;

namespace Ava.Infrastructure.Codestones;

/// <summary>
/// Realistic demo codestones across the supported languages. A few deliberately contain problems
/// a reviewer should catch (a hard-coded key, eval on user input, SQL built by concatenation,
/// a shell command built from user input); those carry low ECL scores and are not approved.
/// </summary>
internal static class CodestoneDemoData
{
    private const string Admin = "admin@ava.local";
    private const string Developer = "developer@ava.local";
    private const string Automation = "automation";

    public static IReadOnlyList<(CodestoneValues Values, string Author, int AgeDays)> All { get; } = Build();

    private static (CodestoneValues Values, string Author, int AgeDays) Item(
        string title, CodeLanguage language, ReviewStatus status, double? ecl, string author, int ageDays, string? gitHubUrl, string code) =>
        (new CodestoneValues(title, language, code, gitHubUrl, status, ecl), author, ageDays);

    private static (CodestoneValues Values, string Author, int AgeDays)[] Build() =>
    [
        // ---------------------------------------------------------------- Python
        Item("Retry decorator with exponential backoff and full jitter", CodeLanguage.Python, ReviewStatus.Merged, 0.91, Developer, 48,
            "https://github.com/ava-prime/sync-daemon/blob/main/src/retry.py",
            """"
            import functools
            import logging
            import random
            import time

            import requests

            log = logging.getLogger(__name__)


            def retry(attempts=5, base_delay=0.5, max_delay=30.0,
                      retry_on=(requests.ConnectionError, requests.Timeout)):
                """Retry a function with exponential backoff and full jitter."""

                def decorator(func):
                    @functools.wraps(func)
                    def wrapper(*args, **kwargs):
                        for attempt in range(1, attempts + 1):
                            try:
                                return func(*args, **kwargs)
                            except retry_on as exc:
                                if attempt == attempts:
                                    raise
                                delay = random.uniform(0, min(max_delay, base_delay * 2 ** (attempt - 1)))
                                log.warning("%s failed (%s), attempt %d/%d, retrying in %.2fs",
                                            func.__name__, exc, attempt, attempts, delay)
                                time.sleep(delay)
                    return wrapper

                return decorator


            @retry(attempts=4)
            def push_batch(session, url, batch):
                response = session.post(url, json=batch, timeout=10)
                response.raise_for_status()
                return response.json()
            """"),
        Item("Cursor-paginated client for the streams API", CodeLanguage.Python, ReviewStatus.Approved, 0.86, Developer, 33,
            "https://github.com/ava-prime/ava-python/blob/main/ava/streams.py",
            """"
            import requests


            class StreamsClient:
                """Reads every stream from the Ava API, following the cursor."""

                def __init__(self, base_url, token, page_size=100):
                    self.base_url = base_url.rstrip("/")
                    self.page_size = page_size
                    self.session = requests.Session()
                    self.session.headers["Authorization"] = f"Bearer {token}"

                def iter_streams(self, **filters):
                    params = {"pageSize": self.page_size, **filters}
                    cursor = None
                    while True:
                        if cursor:
                            params["cursor"] = cursor
                        response = self.session.get(f"{self.base_url}/api/streams", params=params, timeout=15)
                        response.raise_for_status()
                        page = response.json()
                        yield from page["items"]
                        cursor = page.get("next")
                        if not cursor:
                            break


            if __name__ == "__main__":
                import os

                client = StreamsClient("https://ava.example.com", os.environ["AVA_TOKEN"])
                for stream in client.iter_streams(status="Refined"):
                    print(stream["id"], stream["title"])
            """"),
        Item("CSV member import that reports bad rows instead of failing", CodeLanguage.Python, ReviewStatus.Review, 0.72, Admin, 12, null,
            """"
            import csv
            from dataclasses import dataclass
            from datetime import date

            REQUIRED = ("email", "name", "joined")


            @dataclass
            class RowError:
                line: int
                message: str


            def read_members(path):
                """Return (members, errors); a bad row never stops the import."""
                members, errors = [], []
                with open(path, newline="", encoding="utf-8-sig") as handle:
                    reader = csv.DictReader(handle, delimiter=";")
                    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
                    if missing:
                        return [], [RowError(1, f"missing columns: {', '.join(missing)}")]
                    for line, row in enumerate(reader, start=2):
                        email = (row["email"] or "").strip().lower()
                        if "@" not in email:
                            errors.append(RowError(line, f"invalid email {email!r}"))
                            continue
                        try:
                            joined = date.fromisoformat(row["joined"].strip())
                        except ValueError:
                            errors.append(RowError(line, f"invalid date {row['joined']!r}"))
                            continue
                        members.append({"email": email, "name": row["name"].strip(), "joined": joined})
                return members, errors
            """"),
        Item("Payments client for charges and refunds", CodeLanguage.Python, ReviewStatus.Draft, 0.18, Developer, 5, null,
            """"
            import requests

            # TODO: move to config before release
            API_KEY = "sk-live-FAKE0000demo0000not0a0real0key"
            BASE_URL = "https://api.payments.example.com/v1"


            def create_charge(customer_id, amount_cents, currency="eur"):
                response = requests.post(
                    f"{BASE_URL}/charges",
                    headers={"Authorization": f"Bearer {API_KEY}"},
                    data={"customer": customer_id, "amount": amount_cents, "currency": currency},
                    verify=False,
                )
                print("charge response:", response.text)
                return response.json()


            def refund(charge_id):
                return requests.post(
                    f"{BASE_URL}/refunds",
                    headers={"Authorization": f"Bearer {API_KEY}"},
                    data={"charge": charge_id},
                    verify=False,
                ).json()
            """"),
        Item("Flask endpoint: search members by e-mail", CodeLanguage.Python, ReviewStatus.Review, 0.15, Developer, 9,
            "https://github.com/ava-prime/member-portal/blob/develop/app/members.py",
            """"
            import sqlite3

            from flask import Flask, jsonify, request

            app = Flask(__name__)


            def get_db():
                return sqlite3.connect("members.db")


            @app.route("/api/members/search")
            def search_members():
                email = request.args.get("email", "")
                db = get_db()
                query = "SELECT id, name, email, role FROM members WHERE email = '" + email + "'"
                rows = db.execute(query).fetchall()
                db.close()
                return jsonify([{"id": r[0], "name": r[1], "email": r[2], "role": r[3]} for r in rows])


            if __name__ == "__main__":
                app.run(debug=True)
            """"),
        Item("Archive an export folder to backup storage", CodeLanguage.Python, ReviewStatus.Draft, 0.21, Admin, 17, null,
            """"
            import os
            import sys
            from datetime import datetime

            BACKUP_DIR = "/var/backups/exports"


            def archive_export(name):
                """Compress an export folder chosen in the admin UI and copy it to backup storage."""
                stamp = datetime.utcnow().strftime("%Y%m%d-%H%M%S")
                target = f"{BACKUP_DIR}/{name}-{stamp}.tar.gz"
                os.system("tar -czf " + target + " /srv/exports/" + name)
                os.system("rclone copy " + target + " backup:ava-exports/")
                return target


            if __name__ == "__main__":
                print(archive_export(sys.argv[1]))
            """"),
        Item("Thread-safe LRU cache on OrderedDict", CodeLanguage.Python, ReviewStatus.Approved, 0.88, Developer, 61, null,
            """"
            from collections import OrderedDict
            from threading import Lock


            class LRUCache:
                """A small thread-safe LRU cache with a fixed number of entries."""

                def __init__(self, capacity=1024):
                    if capacity <= 0:
                        raise ValueError("capacity must be positive")
                    self._capacity = capacity
                    self._items = OrderedDict()
                    self._lock = Lock()
                    self.hits = 0
                    self.misses = 0

                def get(self, key, default=None):
                    with self._lock:
                        if key not in self._items:
                            self.misses += 1
                            return default
                        self._items.move_to_end(key)
                        self.hits += 1
                        return self._items[key]

                def put(self, key, value):
                    with self._lock:
                        self._items[key] = value
                        self._items.move_to_end(key)
                        if len(self._items) > self._capacity:
                            self._items.popitem(last=False)

                def __len__(self):
                    return len(self._items)
            """"),
        Item("Bounded-concurrency fetch with asyncio and httpx", CodeLanguage.Python, ReviewStatus.Review, 0.77, Automation, 2, null,
            """"
            import asyncio

            import httpx


            async def fetch_all(urls, concurrency=8, timeout=10.0):
                """Fetch many URLs with bounded concurrency; failures are returned, not raised."""
                semaphore = asyncio.Semaphore(concurrency)
                results = {}

                async with httpx.AsyncClient(timeout=timeout, follow_redirects=True) as client:

                    async def fetch(url):
                        async with semaphore:
                            try:
                                response = await client.get(url)
                                response.raise_for_status()
                                results[url] = response.text
                            except httpx.HTTPError as exc:
                                results[url] = exc

                    await asyncio.gather(*(fetch(u) for u in urls))
                return results


            if __name__ == "__main__":
                pages = asyncio.run(fetch_all([f"https://example.com/page/{i}" for i in range(20)]))
                failed = [u for u, r in pages.items() if isinstance(r, Exception)]
                print(f"{len(pages) - len(failed)} ok, {len(failed)} failed")
            """"),

        // ---------------------------------------------------------------- JavaScript
        Item("Debounce with cancel and flush", CodeLanguage.JavaScript, ReviewStatus.Merged, 0.93, Developer, 74,
            "https://github.com/ava-prime/dashboard-web/blob/main/src/utils/debounce.js",
            """
            /**
             * Returns a function that delays calling fn until `wait` ms have passed
             * since the last call. The pending call can be cancelled or flushed.
             */
            export function debounce(fn, wait = 250) {
              let timer = null;
              let lastArgs = null;
              let lastThis = null;

              function invoke() {
                const args = lastArgs;
                const self = lastThis;
                timer = null;
                lastArgs = lastThis = null;
                fn.apply(self, args);
              }

              function debounced(...args) {
                lastArgs = args;
                lastThis = this;
                clearTimeout(timer);
                timer = setTimeout(invoke, wait);
              }

              debounced.cancel = () => {
                clearTimeout(timer);
                timer = null;
                lastArgs = lastThis = null;
              };

              debounced.flush = () => {
                if (timer !== null) {
                  clearTimeout(timer);
                  invoke();
                }
              };

              return debounced;
            }
            """),
        Item("Express calculator endpoint for the pricing page", CodeLanguage.JavaScript, ReviewStatus.Draft, 0.08, Developer, 3, null,
            """
            const express = require("express");

            const app = express();
            app.use(express.json());

            // Quick calculator for the pricing page: /api/calc?expr=12*4+3
            app.get("/api/calc", (req, res) => {
              const expr = req.query.expr;
              if (!expr) {
                return res.status(400).json({ error: "expr is required" });
              }
              try {
                const result = eval(expr);
                res.json({ expr, result });
              } catch (err) {
                res.status(400).json({ error: err.message });
              }
            });

            app.listen(process.env.PORT || 3000, () => {
              console.log("calculator listening");
            });
            """),
        Item("fetch with timeout and retry on 5xx", CodeLanguage.JavaScript, ReviewStatus.Approved, 0.84, Developer, 26, null,
            """
            export async function fetchJson(url, { timeoutMs = 8000, retries = 2, ...init } = {}) {
              for (let attempt = 0; ; attempt++) {
                const controller = new AbortController();
                const timer = setTimeout(() => controller.abort(), timeoutMs);
                try {
                  const response = await fetch(url, { ...init, signal: controller.signal });
                  if (!response.ok) {
                    const error = new Error(`HTTP ${response.status} for ${url}`);
                    error.status = response.status;
                    throw error;
                  }
                  return await response.json();
                } catch (err) {
                  const retriable = err.name === "AbortError" || (err.status ?? 0) >= 500;
                  if (!retriable || attempt >= retries) {
                    throw err;
                  }
                  await new Promise((resolve) => setTimeout(resolve, 300 * 2 ** attempt));
                } finally {
                  clearTimeout(timer);
                }
              }
            }
            """),
        Item("Deep merge of user preferences over defaults", CodeLanguage.JavaScript, ReviewStatus.Review, 0.45, Developer, 21, null,
            """
            // Merges user preferences over the defaults loaded from config.json.
            function isObject(value) {
              return value !== null && typeof value === "object" && !Array.isArray(value);
            }

            function deepMerge(target, source) {
              for (const key of Object.keys(source)) {
                const value = source[key];
                if (isObject(value)) {
                  if (!isObject(target[key])) {
                    target[key] = {};
                  }
                  deepMerge(target[key], value);
                } else {
                  target[key] = value;
                }
              }
              return target;
            }

            module.exports = { deepMerge };

            // usage: deepMerge(settings, JSON.parse(req.body.preferences))
            """),
        Item("Scroll progress tracking throttled with requestAnimationFrame", CodeLanguage.JavaScript, ReviewStatus.Approved, 0.8, Admin, 40, null,
            """
            // Shows the "back to top" button and records reading progress without
            // running layout work on every scroll event.
            export function trackScroll(button, onProgress) {
              let scheduled = false;

              function update() {
                scheduled = false;
                const doc = document.documentElement;
                const max = doc.scrollHeight - doc.clientHeight;
                const progress = max > 0 ? doc.scrollTop / max : 0;
                button.hidden = doc.scrollTop < 600;
                onProgress(Math.round(progress * 100));
              }

              function onScroll() {
                if (!scheduled) {
                  scheduled = true;
                  requestAnimationFrame(update);
                }
              }

              window.addEventListener("scroll", onScroll, { passive: true });
              button.addEventListener("click", () => window.scrollTo({ top: 0, behavior: "smooth" }));
              update();

              return () => window.removeEventListener("scroll", onScroll);
            }
            """),
        Item("Express middleware: request id and timing log", CodeLanguage.JavaScript, ReviewStatus.Merged, 0.87, Developer, 88,
            "https://github.com/ava-prime/notifications/blob/main/src/middleware/requestContext.js",
            """
            const { randomUUID } = require("node:crypto");

            function requestContext(logger) {
              return function (req, res, next) {
                const incoming = req.get("x-request-id");
                const id = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
                const started = process.hrtime.bigint();

                req.id = id;
                res.setHeader("x-request-id", id);

                res.on("finish", () => {
                  const ms = Number(process.hrtime.bigint() - started) / 1e6;
                  logger.info({
                    requestId: id,
                    method: req.method,
                    path: req.originalUrl,
                    status: res.statusCode,
                    durationMs: Math.round(ms * 10) / 10,
                  });
                });

                next();
              };
            }

            module.exports = { requestContext };
            """),

        // ---------------------------------------------------------------- TypeScript
        Item("Result type with ok/err helpers", CodeLanguage.TypeScript, ReviewStatus.Merged, 0.9, Developer, 80,
            "https://github.com/ava-prime/dashboard-web/blob/main/src/lib/result.ts",
            """
            export type Ok<T> = { ok: true; value: T };
            export type Err<E> = { ok: false; error: E };
            export type Result<T, E = Error> = Ok<T> | Err<E>;

            export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
            export const err = <E>(error: E): Err<E> => ({ ok: false, error });

            export function map<T, U, E>(result: Result<T, E>, fn: (value: T) => U): Result<U, E> {
              return result.ok ? ok(fn(result.value)) : result;
            }

            export async function attempt<T>(fn: () => Promise<T>): Promise<Result<T>> {
              try {
                return ok(await fn());
              } catch (e) {
                return err(e instanceof Error ? e : new Error(String(e)));
              }
            }

            export function unwrapOr<T, E>(result: Result<T, E>, fallback: T): T {
              return result.ok ? result.value : fallback;
            }

            // const user = await attempt(() => api.getUser(id));
            // if (!user.ok) showError(user.error.message);
            """),
        Item("Token bucket rate limiter with injectable clock", CodeLanguage.TypeScript, ReviewStatus.Approved, 0.85, Developer, 36, null,
            """
            export class TokenBucket {
              private tokens: number;
              private last: number;

              constructor(
                private readonly capacity: number,
                private readonly refillPerSecond: number,
                private readonly now: () => number = () => Date.now(),
              ) {
                this.tokens = capacity;
                this.last = now();
              }

              tryTake(count = 1): boolean {
                this.refill();
                if (this.tokens < count) {
                  return false;
                }
                this.tokens -= count;
                return true;
              }

              /** Milliseconds until `count` tokens are available. */
              waitTime(count = 1): number {
                this.refill();
                const missing = count - this.tokens;
                return missing <= 0 ? 0 : Math.ceil((missing / this.refillPerSecond) * 1000);
              }

              private refill(): void {
                const now = this.now();
                const elapsed = (now - this.last) / 1000;
                this.last = now;
                this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.refillPerSecond);
              }
            }
            """),
        Item("Zod schema for the stream payload", CodeLanguage.TypeScript, ReviewStatus.Review, 0.74, Automation, 8, null,
            """
            import { z } from "zod";

            export const StreamInput = z.object({
              title: z.string().trim().min(5).max(200),
              source: z.enum(["Claude", "ChatGPT", "GitHub", "Manual", "Automated"]),
              status: z.enum(["Raw", "Refined", "Archived"]).default("Raw"),
              priority: z.enum(["Now", "High", "Normal", "Low"]).default("Normal"),
              summary: z.string().max(20_000).default(""),
              eclScore: z.number().min(0).max(1).nullable().default(null),
              tags: z
                .array(z.string().trim().toLowerCase().max(40).regex(/^[\p{L}\p{N}][\p{L}\p{N}._+#-]*$/u))
                .max(12)
                .default([]),
            });

            export type StreamInput = z.infer<typeof StreamInput>;

            export function parseStream(body: unknown): { data?: StreamInput; errors?: Record<string, string> } {
              const result = StreamInput.safeParse(body);
              if (result.success) {
                return { data: result.data };
              }
              const errors: Record<string, string> = {};
              for (const issue of result.error.issues) {
                errors[issue.path.join(".") || "body"] ??= issue.message;
              }
              return { errors };
            }
            """),
        Item("React hook useDebouncedValue", CodeLanguage.TypeScript, ReviewStatus.Approved, 0.82, Developer, 52, null,
            """
            import { useEffect, useState } from "react";

            export function useDebouncedValue<T>(value: T, delayMs = 300): T {
              const [debounced, setDebounced] = useState(value);

              useEffect(() => {
                const timer = setTimeout(() => setDebounced(value), delayMs);
                return () => clearTimeout(timer);
              }, [value, delayMs]);

              return debounced;
            }

            // Usage in a search box: the query runs only after typing pauses.
            export function StreamSearch({ onSearch }: { onSearch: (q: string) => void }) {
              const [text, setText] = useState("");
              const query = useDebouncedValue(text.trim(), 300);

              useEffect(() => {
                onSearch(query);
              }, [query, onSearch]);

              return <input value={text} onChange={(e) => setText(e.target.value)} placeholder="Search streams" />;
            }
            """),
        Item("Async generator over a cursor-paginated endpoint", CodeLanguage.TypeScript, ReviewStatus.Review, 0.7, Developer, 14, null,
            """
            interface Page<T> {
              items: T[];
              next: string | null;
            }

            export async function* paginate<T>(
              url: string,
              init: RequestInit = {},
              maxPages = 1000,
            ): AsyncGenerator<T, void, undefined> {
              let cursor: string | null = null;
              for (let page = 0; page < maxPages; page++) {
                const pageUrl = new URL(url);
                if (cursor) {
                  pageUrl.searchParams.set("cursor", cursor);
                }
                const response = await fetch(pageUrl, init);
                if (!response.ok) {
                  throw new Error(`GET ${pageUrl} failed with ${response.status}`);
                }
                const body = (await response.json()) as Page<T>;
                yield* body.items;
                if (!body.next) {
                  return;
                }
                cursor = body.next;
              }
              throw new Error(`Stopped after ${maxPages} pages; is the cursor advancing?`);
            }

            // for await (const stream of paginate<Stream>("https://ava.example.com/api/streams")) { ... }
            """),
        Item("Typed event emitter", CodeLanguage.TypeScript, ReviewStatus.Draft, 0.6, Admin, 1, null,
            """
            type Listener<T> = (payload: T) => void;

            export class TypedEmitter<Events extends Record<string, unknown>> {
              private listeners: { [K in keyof Events]?: Set<Listener<Events[K]>> } = {};

              on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void {
                (this.listeners[event] ??= new Set()).add(listener);
                return () => this.off(event, listener);
              }

              off<K extends keyof Events>(event: K, listener: Listener<Events[K]>): void {
                this.listeners[event]?.delete(listener);
              }

              emit<K extends keyof Events>(event: K, payload: Events[K]): void {
                for (const listener of this.listeners[event] ?? []) {
                  listener(payload);
                }
              }
            }

            type StreamEvents = {
              created: { id: number; title: string };
              archived: { id: number; by: string };
            };

            const events = new TypedEmitter<StreamEvents>();
            const stop = events.on("archived", ({ id, by }) => console.log(`stream ${id} archived by ${by}`));
            events.emit("archived", { id: 42, by: "automation" });
            stop();
            """),

        // ---------------------------------------------------------------- C#
        Item("JWT validation with explicit algorithms and clock skew", CodeLanguage.CSharp, ReviewStatus.Approved, 0.88, Developer, 44,
            "https://github.com/ava-prime/auth-service/blob/main/src/Auth/TokenValidator.cs",
            """
            using System.IdentityModel.Tokens.Jwt;
            using System.Security.Claims;
            using Microsoft.IdentityModel.Tokens;

            public sealed class TokenValidator(string issuer, string audience, byte[] signingKey)
            {
                private readonly JwtSecurityTokenHandler _handler = new() { MapInboundClaims = false };

                private readonly TokenValidationParameters _parameters = new()
                {
                    ValidateIssuer = true,
                    ValidIssuer = issuer,
                    ValidateAudience = true,
                    ValidAudience = audience,
                    ValidateIssuerSigningKey = true,
                    IssuerSigningKey = new SymmetricSecurityKey(signingKey),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromMinutes(2),
                };

                public ClaimsPrincipal? Validate(string token, out string? error)
                {
                    try
                    {
                        var principal = _handler.ValidateToken(token, _parameters, out _);
                        error = null;
                        return principal;
                    }
                    catch (SecurityTokenExpiredException)
                    {
                        error = "expired";
                    }
                    catch (SecurityTokenException ex)
                    {
                        error = ex.GetType().Name;
                    }
                    catch (ArgumentException)
                    {
                        error = "malformed";
                    }

                    return null;
                }
            }
            """),
        Item("Async retry helper with backoff and a transient filter", CodeLanguage.CSharp, ReviewStatus.Merged, 0.9, Developer, 67,
            "https://github.com/ava-prime/ava-common/blob/main/src/Ava.Common/Retry.cs",
            """
            public static class Retry
            {
                public static async Task<T> WithBackoffAsync<T>(
                    Func<CancellationToken, Task<T>> action,
                    Func<Exception, bool> isTransient,
                    int attempts = 5,
                    TimeSpan? baseDelay = null,
                    CancellationToken ct = default)
                {
                    var delay = baseDelay ?? TimeSpan.FromMilliseconds(200);
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            return await action(ct);
                        }
                        catch (Exception ex) when (attempt < attempts && isTransient(ex) && !ct.IsCancellationRequested)
                        {
                            var cap = Math.Min(delay.TotalMilliseconds * Math.Pow(2, attempt - 1), 30_000);
                            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * cap), ct);
                        }
                    }
                }
            }

            // var user = await Retry.WithBackoffAsync(
            //     ct => http.GetFromJsonAsync<User>($"users/{id}", ct),
            //     ex => ex is HttpRequestException or TimeoutException,
            //     ct: cancellationToken);
            """),
        Item("Diagnostics endpoint: ping a customer host", CodeLanguage.CSharp, ReviewStatus.Draft, 0.12, Admin, 6, null,
            """
            using System.Diagnostics;
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            [Route("api/diagnostics")]
            public class DiagnosticsController : ControllerBase
            {
                // Lets support staff check whether a customer's host is reachable from our network.
                [HttpGet("ping")]
                public async Task<IActionResult> Ping([FromQuery] string host)
                {
                    var psi = new ProcessStartInfo
                    {
                        FileName = "/bin/sh",
                        Arguments = "-c \"ping -c 4 " + host + "\"",
                        RedirectStandardOutput = true,
                        UseShellExecute = false,
                    };

                    using var process = Process.Start(psi)!;
                    var output = await process.StandardOutput.ReadToEndAsync();
                    await process.WaitForExitAsync();
                    return Ok(new { host, exitCode = process.ExitCode, output });
                }
            }
            """),
        Item("Bounded background work queue on System.Threading.Channels", CodeLanguage.CSharp, ReviewStatus.Approved, 0.86, Developer, 29, null,
            """
            using System.Threading.Channels;

            public interface IBackgroundQueue
            {
                ValueTask EnqueueAsync(Func<CancellationToken, Task> work, CancellationToken ct = default);
            }

            // services.AddSingleton<BackgroundQueue>();
            // services.AddSingleton<IBackgroundQueue>(sp => sp.GetRequiredService<BackgroundQueue>());
            // services.AddHostedService(sp => sp.GetRequiredService<BackgroundQueue>());
            public sealed class BackgroundQueue(ILogger<BackgroundQueue> logger) : BackgroundService, IBackgroundQueue
            {
                private readonly Channel<Func<CancellationToken, Task>> _channel =
                    Channel.CreateBounded<Func<CancellationToken, Task>>(new BoundedChannelOptions(500)
                    {
                        FullMode = BoundedChannelFullMode.Wait,
                        SingleReader = true,
                    });

                public ValueTask EnqueueAsync(Func<CancellationToken, Task> work, CancellationToken ct = default) =>
                    _channel.Writer.WriteAsync(work, ct);

                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    await foreach (var work in _channel.Reader.ReadAllAsync(stoppingToken))
                    {
                        try
                        {
                            await work(stoppingToken);
                        }
                        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                        {
                            break;
                        }
                        catch (Exception ex)
                        {
                            logger.LogError(ex, "Background work item failed");
                        }
                    }
                }
            }
            """),
        Item("EF Core keyset pagination with an opaque cursor", CodeLanguage.CSharp, ReviewStatus.Review, 0.78, Developer, 19, null,
            """
            using System.Text;
            using Microsoft.EntityFrameworkCore;

            public sealed record StreamRow(long Id, string Title, DateTimeOffset CreatedAt);

            public sealed record StreamPage(IReadOnlyList<StreamRow> Items, string? Next);

            public static class StreamPaging
            {
                // Keyset pagination: stable under inserts and fast on deep pages, unlike Skip/Take.
                public static async Task<StreamPage> PageAsync(AppDbContext db, string? cursor, int size, CancellationToken ct)
                {
                    var query = db.Streams.AsNoTracking();
                    if (cursor is not null)
                    {
                        var (createdAt, id) = Decode(cursor);
                        query = query.Where(s => s.CreatedAt < createdAt || (s.CreatedAt == createdAt && s.Id < id));
                    }

                    var rows = await query
                        .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
                        .Take(size + 1)
                        .Select(s => new StreamRow(s.Id, s.Title, s.CreatedAt))
                        .ToListAsync(ct);

                    var next = rows.Count > size ? Encode(rows[size - 1]) : null;
                    return new StreamPage(rows.Take(size).ToList(), next);
                }

                private static string Encode(StreamRow row) =>
                    Convert.ToBase64String(Encoding.UTF8.GetBytes($"{row.CreatedAt.UtcTicks}:{row.Id}"));

                private static (DateTimeOffset CreatedAt, long Id) Decode(string cursor)
                {
                    var parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split(':');
                    return (new DateTimeOffset(long.Parse(parts[0]), TimeSpan.Zero), long.Parse(parts[1]));
                }
            }
            """),
        Item("Report search with raw SQL", CodeLanguage.CSharp, ReviewStatus.Review, 0.2, Developer, 11, null,
            """
            using Microsoft.EntityFrameworkCore;

            public class ReportRepository(AppDbContext db)
            {
                // Search box on the reports page; "term" and "sort" come straight from the query string.
                public Task<List<ReportRow>> SearchAsync(string term, string sort)
                {
                    var sql = "SELECT Id, Title, Owner, CreatedAt FROM Reports WHERE Title LIKE '%" + term + "%' ORDER BY " + sort;
                    return db.Reports.FromSqlRaw(sql).AsNoTracking().ToListAsync();
                }

                public Task<int> DeleteForOwnerAsync(string owner)
                {
                    return db.Database.ExecuteSqlRawAsync("DELETE FROM Reports WHERE Owner = '" + owner + "'");
                }

                public Task<int> CountAsync() => db.Reports.CountAsync();
            }
            """),
        Item("Options validation with IValidateOptions and ValidateOnStart", CodeLanguage.CSharp, ReviewStatus.Merged, 0.83, Admin, 58, null,
            """
            using Microsoft.Extensions.Options;

            public sealed class SyncOptions
            {
                public const string Section = "Sync";

                public Uri? Endpoint { get; set; }

                public int BatchSize { get; set; } = 500;

                public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);
            }

            public sealed class SyncOptionsValidator : IValidateOptions<SyncOptions>
            {
                public ValidateOptionsResult Validate(string? name, SyncOptions options)
                {
                    var errors = new List<string>();
                    if (options.Endpoint is null || options.Endpoint.Scheme != Uri.UriSchemeHttps)
                    {
                        errors.Add("Sync:Endpoint must be an https URL.");
                    }

                    if (options.BatchSize is < 1 or > 5_000)
                    {
                        errors.Add("Sync:BatchSize must be between 1 and 5000.");
                    }

                    if (options.Interval < TimeSpan.FromSeconds(30))
                    {
                        errors.Add("Sync:Interval must be at least 30 seconds.");
                    }

                    return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
                }
            }

            // builder.Services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.Section).ValidateOnStart();
            // builder.Services.AddSingleton<IValidateOptions<SyncOptions>, SyncOptionsValidator>();
            """),

        // ---------------------------------------------------------------- Rust
        Item("Generic async retry for tokio", CodeLanguage.Rust, ReviewStatus.Approved, 0.84, Developer, 38,
            "https://github.com/ava-prime/ava-sync-rs/blob/main/src/retry.rs",
            """
            use std::future::Future;
            use std::time::Duration;

            use rand::Rng;
            use tokio::time::sleep;

            /// Runs `op` until it succeeds, `attempts` is reached, or the error is not transient.
            pub async fn retry<T, E, F, Fut>(
                attempts: u32,
                base: Duration,
                is_transient: impl Fn(&E) -> bool,
                mut op: F,
            ) -> Result<T, E>
            where
                F: FnMut() -> Fut,
                Fut: Future<Output = Result<T, E>>,
            {
                let mut attempt = 1;
                loop {
                    match op().await {
                        Ok(value) => return Ok(value),
                        Err(err) if attempt < attempts && is_transient(&err) => {
                            let cap = base
                                .saturating_mul(2u32.saturating_pow(attempt - 1))
                                .min(Duration::from_secs(30));
                            let jitter = rand::thread_rng().gen_range(0..=cap.as_millis() as u64);
                            sleep(Duration::from_millis(jitter)).await;
                            attempt += 1;
                        }
                        Err(err) => return Err(err),
                    }
                }
            }
            """),
        Item("Small LRU cache on HashMap and VecDeque", CodeLanguage.Rust, ReviewStatus.Review, 0.66, Developer, 23, null,
            """
            use std::collections::{HashMap, VecDeque};
            use std::hash::Hash;

            /// Simple LRU cache. `get` is O(n) because it moves the key in the queue;
            /// fine for a few hundred entries, not for hot paths.
            pub struct LruCache<K, V> {
                capacity: usize,
                map: HashMap<K, V>,
                order: VecDeque<K>,
            }

            impl<K: Eq + Hash + Clone, V> LruCache<K, V> {
                pub fn new(capacity: usize) -> Self {
                    assert!(capacity > 0, "capacity must be positive");
                    Self { capacity, map: HashMap::with_capacity(capacity), order: VecDeque::with_capacity(capacity) }
                }

                pub fn get(&mut self, key: &K) -> Option<&V> {
                    if self.map.contains_key(key) {
                        self.touch(key);
                    }
                    self.map.get(key)
                }

                pub fn put(&mut self, key: K, value: V) {
                    if self.map.insert(key.clone(), value).is_some() {
                        self.touch(&key);
                        return;
                    }
                    self.order.push_back(key);
                    if self.order.len() > self.capacity {
                        if let Some(oldest) = self.order.pop_front() {
                            self.map.remove(&oldest);
                        }
                    }
                }

                fn touch(&mut self, key: &K) {
                    if let Some(pos) = self.order.iter().position(|k| k == key) {
                        let k = self.order.remove(pos).unwrap();
                        self.order.push_back(k);
                    }
                }
            }
            """),
        Item("Sync client config loading with serde and thiserror", CodeLanguage.Rust, ReviewStatus.Merged, 0.89, Developer, 70,
            "https://github.com/ava-prime/ava-sync-rs/blob/main/src/config.rs",
            """
            use std::{fs, path::Path, time::Duration};

            use serde::Deserialize;
            use thiserror::Error;

            #[derive(Debug, Deserialize)]
            #[serde(rename_all = "snake_case", deny_unknown_fields)]
            pub struct SyncConfig {
                pub endpoint: String,
                #[serde(default = "default_batch")]
                pub batch_size: usize,
                #[serde(with = "humantime_serde", default = "default_interval")]
                pub interval: Duration,
            }

            fn default_batch() -> usize { 500 }

            fn default_interval() -> Duration { Duration::from_secs(300) }

            #[derive(Debug, Error)]
            pub enum ConfigError {
                #[error("cannot read {path}: {source}")]
                Read { path: String, source: std::io::Error },
                #[error("invalid config: {0}")]
                Parse(#[from] toml::de::Error),
                #[error("endpoint must start with https://, got {0}")]
                InsecureEndpoint(String),
            }

            pub fn load(path: &Path) -> Result<SyncConfig, ConfigError> {
                let text = fs::read_to_string(path)
                    .map_err(|source| ConfigError::Read { path: path.display().to_string(), source })?;
                let config: SyncConfig = toml::from_str(&text)?;
                if !config.endpoint.starts_with("https://") {
                    return Err(ConfigError::InsecureEndpoint(config.endpoint));
                }
                Ok(config)
            }
            """),
        Item("Token bucket for outbound API calls", CodeLanguage.Rust, ReviewStatus.Draft, 0.58, Automation, 4, null,
            """
            use std::time::Instant;

            pub struct TokenBucket {
                capacity: f64,
                tokens: f64,
                refill_per_sec: f64,
                last: Instant,
            }

            impl TokenBucket {
                pub fn new(capacity: u32, refill_per_sec: f64) -> Self {
                    Self { capacity: capacity as f64, tokens: capacity as f64, refill_per_sec, last: Instant::now() }
                }

                pub fn try_acquire(&mut self, n: u32) -> bool {
                    self.refill();
                    let n = n as f64;
                    if self.tokens >= n {
                        self.tokens -= n;
                        true
                    } else {
                        false
                    }
                }

                fn refill(&mut self) {
                    let now = Instant::now();
                    let elapsed = now.duration_since(self.last).as_secs_f64();
                    self.tokens = (self.tokens + elapsed * self.refill_per_sec).min(self.capacity);
                    self.last = now;
                }
            }

            #[cfg(test)]
            mod tests {
                use super::*;

                #[test]
                fn rejects_when_empty() {
                    let mut bucket = TokenBucket::new(2, 0.0);
                    assert!(bucket.try_acquire(1));
                    assert!(bucket.try_acquire(1));
                    assert!(!bucket.try_acquire(1));
                }
            }
            """),

        // ---------------------------------------------------------------- Go
        Item("Per-IP rate limiting middleware", CodeLanguage.Go, ReviewStatus.Approved, 0.85, Developer, 31,
            "https://github.com/ava-prime/api-gateway/blob/main/internal/middleware/ratelimit.go",
            """
            package middleware

            import (
                "net"
                "net/http"
                "sync"
                "time"

                "golang.org/x/time/rate"
            )

            type visitor struct {
                limiter  *rate.Limiter
                lastSeen time.Time
            }

            // RateLimit allows r requests per second per client IP with the given burst.
            func RateLimit(r rate.Limit, burst int, next http.Handler) http.Handler {
                var mu sync.Mutex
                visitors := map[string]*visitor{}

                go func() {
                    for range time.Tick(time.Minute) {
                        mu.Lock()
                        for ip, v := range visitors {
                            if time.Since(v.lastSeen) > 3*time.Minute {
                                delete(visitors, ip)
                            }
                        }
                        mu.Unlock()
                    }
                }()

                return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
                    ip, _, err := net.SplitHostPort(req.RemoteAddr)
                    if err != nil {
                        ip = req.RemoteAddr
                    }
                    mu.Lock()
                    v, ok := visitors[ip]
                    if !ok {
                        v = &visitor{limiter: rate.NewLimiter(r, burst)}
                        visitors[ip] = v
                    }
                    v.lastSeen = time.Now()
                    mu.Unlock()

                    if !v.limiter.Allow() {
                        w.Header().Set("Retry-After", "1")
                        http.Error(w, "too many requests", http.StatusTooManyRequests)
                        return
                    }
                    next.ServeHTTP(w, req)
                })
            }
            """),
        Item("Generic worker pool that stops on the first error", CodeLanguage.Go, ReviewStatus.Merged, 0.9, Developer, 55, null,
            """
            package pool

            import (
                "context"
                "sync"
            )

            // Run processes jobs with n workers and stops early when ctx is cancelled
            // or a job fails. It returns the first error.
            func Run[T any](ctx context.Context, n int, jobs []T, work func(context.Context, T) error) error {
                ctx, cancel := context.WithCancel(ctx)
                defer cancel()

                ch := make(chan T)
                var wg sync.WaitGroup
                var once sync.Once
                var firstErr error

                for i := 0; i < n; i++ {
                    wg.Add(1)
                    go func() {
                        defer wg.Done()
                        for job := range ch {
                            if err := work(ctx, job); err != nil {
                                once.Do(func() { firstErr = err; cancel() })
                                return
                            }
                        }
                    }()
                }

            feed:
                for _, job := range jobs {
                    select {
                    case ch <- job:
                    case <-ctx.Done():
                        break feed
                    }
                }
                close(ch)
                wg.Wait()

                if firstErr != nil {
                    return firstErr
                }
                return ctx.Err()
            }
            """),
        Item("HTTP server with graceful shutdown on SIGTERM", CodeLanguage.Go, ReviewStatus.Merged, 0.92, Admin, 84,
            "https://github.com/ava-prime/search-indexer/blob/main/cmd/indexer/main.go",
            """
            package main

            import (
                "context"
                "errors"
                "log"
                "net/http"
                "os"
                "os/signal"
                "syscall"
                "time"
            )

            func main() {
                mux := http.NewServeMux()
                mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
                    w.WriteHeader(http.StatusOK)
                })

                srv := &http.Server{
                    Addr:              ":8080",
                    Handler:           mux,
                    ReadHeaderTimeout: 5 * time.Second,
                }

                ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
                defer stop()

                go func() {
                    if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
                        log.Fatalf("listen: %v", err)
                    }
                }()
                log.Println("listening on :8080")

                <-ctx.Done()
                log.Println("shutting down")

                shutdownCtx, cancel := context.WithTimeout(context.Background(), 25*time.Second)
                defer cancel()
                if err := srv.Shutdown(shutdownCtx); err != nil {
                    log.Printf("forced shutdown: %v", err)
                }
            }
            """),
        Item("List all streams by following the API cursor", CodeLanguage.Go, ReviewStatus.Review, 0.73, Automation, 16, null,
            """
            package avaclient

            import (
                "context"
                "encoding/json"
                "fmt"
                "net/http"
                "net/url"
            )

            type Stream struct {
                ID    int64  `json:"id"`
                Title string `json:"title"`
            }

            type page struct {
                Items []Stream `json:"items"`
                Next  *string  `json:"next"`
            }

            // AllStreams follows the cursor until the API reports no next page.
            func AllStreams(ctx context.Context, c *http.Client, base, token string) ([]Stream, error) {
                var all []Stream
                cursor := ""
                for {
                    q := url.Values{"pageSize": {"100"}}
                    if cursor != "" {
                        q.Set("cursor", cursor)
                    }
                    req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/api/streams?"+q.Encode(), nil)
                    if err != nil {
                        return nil, err
                    }
                    req.Header.Set("Authorization", "Bearer "+token)
                    resp, err := c.Do(req)
                    if err != nil {
                        return nil, err
                    }
                    var p page
                    err = json.NewDecoder(resp.Body).Decode(&p)
                    resp.Body.Close()
                    if resp.StatusCode != http.StatusOK {
                        return nil, fmt.Errorf("list streams: status %d", resp.StatusCode)
                    }
                    if err != nil {
                        return nil, fmt.Errorf("decode page: %w", err)
                    }
                    all = append(all, p.Items...)
                    if p.Next == nil || *p.Next == "" {
                        return all, nil
                    }
                    cursor = *p.Next
                }
            }
            """),
        Item("Queue depth gauge read from the broker", CodeLanguage.Go, ReviewStatus.Draft, 0.55, Developer, 7, null,
            """
            package metrics

            import (
                "context"
                "log"
                "time"

                "github.com/prometheus/client_golang/prometheus"
                "github.com/prometheus/client_golang/prometheus/promauto"
            )

            var queueDepth = promauto.NewGaugeVec(prometheus.GaugeOpts{
                Name: "queue_depth",
                Help: "Messages waiting in the broker queue, read from the broker itself.",
            }, []string{"queue"})

            type Broker interface {
                Depth(ctx context.Context, queue string) (int, error)
            }

            // WatchDepth sets the gauge from the broker's own count, so restarts cannot drift it below zero.
            func WatchDepth(ctx context.Context, b Broker, queues []string, every time.Duration) {
                ticker := time.NewTicker(every)
                defer ticker.Stop()
                for {
                    for _, q := range queues {
                        n, err := b.Depth(ctx, q)
                        if err != nil {
                            log.Printf("queue depth %s: %v", q, err)
                            continue
                        }
                        queueDepth.WithLabelValues(q).Set(float64(n))
                    }
                    select {
                    case <-ctx.Done():
                        return
                    case <-ticker.C:
                    }
                }
            }
            """),

        // ---------------------------------------------------------------- Java
        Item("Batched audit inserts with PreparedStatement", CodeLanguage.Java, ReviewStatus.Approved, 0.87, Developer, 46, null,
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import java.sql.Timestamp;
            import java.time.Instant;
            import java.util.List;

            public final class AuditWriter {
                private static final String INSERT =
                    "INSERT INTO audit_events (actor, action, target, created_at) VALUES (?, ?, ?, ?)";

                private final Connection connection;

                public AuditWriter(Connection connection) {
                    this.connection = connection;
                }

                public int writeAll(List<AuditEvent> events) throws SQLException {
                    boolean autoCommit = connection.getAutoCommit();
                    connection.setAutoCommit(false);
                    try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                        for (AuditEvent e : events) {
                            statement.setString(1, e.actor());
                            statement.setString(2, e.action());
                            statement.setString(3, e.target());
                            statement.setTimestamp(4, Timestamp.from(e.createdAt()));
                            statement.addBatch();
                        }
                        int written = statement.executeBatch().length;
                        connection.commit();
                        return written;
                    } catch (SQLException ex) {
                        connection.rollback();
                        throw ex;
                    } finally {
                        connection.setAutoCommit(autoCommit);
                    }
                }

                public record AuditEvent(String actor, String action, String target, Instant createdAt) {}
            }
            """),
        Item("CompletableFuture retry with jittered backoff", CodeLanguage.Java, ReviewStatus.Review, 0.71, Developer, 27, null,
            """
            import java.time.Duration;
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.CompletionException;
            import java.util.concurrent.Executor;
            import java.util.concurrent.ThreadLocalRandom;
            import java.util.concurrent.TimeUnit;
            import java.util.function.Predicate;
            import java.util.function.Supplier;

            public final class AsyncRetry {
                private AsyncRetry() {}

                public static <T> CompletableFuture<T> withBackoff(
                        Supplier<CompletableFuture<T>> action, int attempts, Duration base, Predicate<Throwable> transientError) {
                    return attempt(action, 1, attempts, base, transientError);
                }

                private static <T> CompletableFuture<T> attempt(
                        Supplier<CompletableFuture<T>> action, int n, int max, Duration base, Predicate<Throwable> transientError) {
                    return action.get().handle((value, error) -> {
                        if (error == null) {
                            return CompletableFuture.completedFuture(value);
                        }
                        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                        if (n >= max || !transientError.test(cause)) {
                            return CompletableFuture.<T>failedFuture(cause);
                        }
                        long cap = Math.min(30_000, base.toMillis() << (n - 1));
                        long delay = ThreadLocalRandom.current().nextLong(cap + 1);
                        Executor later = CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS);
                        return CompletableFuture.runAsync(() -> { }, later)
                            .thenCompose(ignored -> attempt(action, n + 1, max, base, transientError));
                    }).thenCompose(f -> f);
                }
            }
            """),
        Item("Spring Boot controller with bean validation", CodeLanguage.Java, ReviewStatus.Merged, 0.86, Admin, 77,
            "https://github.com/ava-prime/codestone-api/blob/main/src/main/java/ava/codestones/CodestoneController.java",
            """
            import jakarta.validation.Valid;
            import jakarta.validation.constraints.DecimalMax;
            import jakarta.validation.constraints.DecimalMin;
            import jakarta.validation.constraints.NotBlank;
            import jakarta.validation.constraints.Size;
            import java.net.URI;
            import org.springframework.http.ResponseEntity;
            import org.springframework.web.bind.annotation.*;

            @RestController
            @RequestMapping("/api/codestones")
            public class CodestoneController {

                public record CodestoneRequest(
                    @NotBlank @Size(min = 5, max = 200) String title,
                    @NotBlank String language,
                    @NotBlank @Size(max = 200_000) String code,
                    @DecimalMin("0.0") @DecimalMax("1.0") Double eclScore) {}

                private final CodestoneService service;

                public CodestoneController(CodestoneService service) {
                    this.service = service;
                }

                @PostMapping
                public ResponseEntity<CodestoneDto> create(@Valid @RequestBody CodestoneRequest request) {
                    CodestoneDto created = service.create(request);
                    return ResponseEntity.created(URI.create("/api/codestones/" + created.id())).body(created);
                }

                @GetMapping("/{id}")
                public ResponseEntity<CodestoneDto> get(@PathVariable long id) {
                    return service.find(id).map(ResponseEntity::ok).orElse(ResponseEntity.notFound().build());
                }
            }
            """),
        Item("LRU cache on LinkedHashMap access order", CodeLanguage.Java, ReviewStatus.Approved, 0.83, Developer, 63, null,
            """
            import java.util.LinkedHashMap;
            import java.util.Map;

            /** LRU cache on top of LinkedHashMap's access order; synchronized for simple shared use. */
            public final class LruCache<K, V> {
                private final Map<K, V> map;

                public LruCache(int capacity) {
                    if (capacity <= 0) {
                        throw new IllegalArgumentException("capacity must be positive");
                    }
                    this.map = new LinkedHashMap<>(16, 0.75f, true) {
                        @Override
                        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                            return size() > capacity;
                        }
                    };
                }

                public synchronized V get(K key) {
                    return map.get(key);
                }

                public synchronized void put(K key, V value) {
                    map.put(key, value);
                }

                public synchronized int size() {
                    return map.size();
                }
            }
            """),

        // ---------------------------------------------------------------- Other (SQL, Bash, Dockerfile)
        Item("SQL migration: move stream tags to their own table", CodeLanguage.Other, ReviewStatus.Merged, 0.9, Developer, 90,
            "https://github.com/ava-prime/ava-db/blob/main/migrations/0042_stream_tags.sql",
            """
            -- Move stream tags from a comma-separated column to their own table (PostgreSQL).
            BEGIN;

            CREATE TABLE stream_tags (
                stream_id  bigint      NOT NULL REFERENCES streams (id) ON DELETE CASCADE,
                tag        varchar(40) NOT NULL,
                PRIMARY KEY (stream_id, tag)
            );

            INSERT INTO stream_tags (stream_id, tag)
            SELECT s.id, lower(trim(t.tag))
            FROM streams s
            CROSS JOIN LATERAL unnest(string_to_array(s.tags, ',')) AS t(tag)
            WHERE trim(t.tag) <> ''
            ON CONFLICT DO NOTHING;

            CREATE INDEX ix_stream_tags_tag ON stream_tags (tag);

            ALTER TABLE streams DROP COLUMN tags;

            COMMIT;
            """),
        Item("Build, tag and push the dashboard image", CodeLanguage.Other, ReviewStatus.Review, 0.75, Automation, 13,
            "https://github.com/ava-prime/dashboard/blob/main/scripts/publish-image.sh",
            """
            #!/usr/bin/env bash
            # Build the dashboard image, tag it with the version and commit, push both tags.
            set -euo pipefail

            REGISTRY="${REGISTRY:-ghcr.io/ava-prime}"
            IMAGE="$REGISTRY/dashboard"
            VERSION="$(git describe --tags --abbrev=0 2>/dev/null || echo 0.0.0)"
            COMMIT="$(git rev-parse --short HEAD)"

            if [[ -n "$(git status --porcelain)" ]]; then
              echo "working tree is dirty; commit or stash first" >&2
              exit 1
            fi

            docker build \
              --pull \
              --build-arg VERSION="$VERSION" \
              --label org.opencontainers.image.revision="$COMMIT" \
              -t "$IMAGE:$VERSION" \
              -t "$IMAGE:$COMMIT" \
              .

            docker push "$IMAGE:$VERSION"
            docker push "$IMAGE:$COMMIT"
            echo "pushed $IMAGE:$VERSION and $IMAGE:$COMMIT"
            """),
        Item("Nightly Postgres backup with rotation", CodeLanguage.Other, ReviewStatus.Approved, 0.8, Admin, 50, null,
            """
            #!/usr/bin/env bash
            # Nightly Postgres backup with 14 days of rotation. Credentials come from ~/.pgpass.
            set -euo pipefail

            DB="${1:?usage: backup.sh DATABASE}"
            DIR="/var/backups/postgres/$DB"
            KEEP_DAYS=14
            STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
            FILE="$DIR/$DB-$STAMP.dump"

            mkdir -p "$DIR"
            pg_dump --format=custom --no-owner --file="$FILE.partial" "$DB"
            mv "$FILE.partial" "$FILE"

            # A backup that cannot be listed is not a backup.
            pg_restore --list "$FILE" > /dev/null

            find "$DIR" -name "$DB-*.dump" -mtime +"$KEEP_DAYS" -print -delete
            echo "backup written: $FILE ($(du -h "$FILE" | cut -f1))"
            """),
        Item("Multi-stage Dockerfile for the dashboard", CodeLanguage.Other, ReviewStatus.Review, 0.68, Developer, 35, null,
            """
            # Multi-stage build for an ASP.NET Core service.
            FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
            WORKDIR /src
            COPY Directory.Build.props Directory.Packages.props global.json ./
            COPY Ava.Domain/Ava.Domain.csproj Ava.Domain/
            COPY Ava.Infrastructure/Ava.Infrastructure.csproj Ava.Infrastructure/
            COPY Ava.Dashboard/Ava.Dashboard.csproj Ava.Dashboard/
            RUN dotnet restore Ava.Dashboard/Ava.Dashboard.csproj
            COPY . .
            RUN dotnet publish Ava.Dashboard/Ava.Dashboard.csproj -c Release -o /app --no-restore

            FROM mcr.microsoft.com/dotnet/aspnet:10.0
            WORKDIR /app
            COPY --from=build /app .
            USER app
            ENV ASPNETCORE_HTTP_PORTS=8080
            EXPOSE 8080
            HEALTHCHECK --interval=30s --timeout=3s CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
            ENTRYPOINT ["dotnet", "Ava.Dashboard.dll"]
            """),
    ];
}

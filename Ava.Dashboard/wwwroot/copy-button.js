// A button with data-copy-target="<input id>" copies that input's value: for pages that render
// without a circuit (the account pages), where a Blazor click handler cannot run.
document.addEventListener('click', async event => {
    const button = event.target.closest('[data-copy-target]');
    if (!button) {
        return;
    }

    const input = document.getElementById(button.dataset.copyTarget);
    if (!input) {
        return;
    }

    input.select();
    try {
        await navigator.clipboard.writeText(input.value);
    } catch {
        // No clipboard API outside a secure context: the selected text can still be copied by hand.
        document.execCommand('copy');
    }

    button.textContent = 'Copied';
});

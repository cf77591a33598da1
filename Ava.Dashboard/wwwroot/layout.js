// The layout's scripts: the system's colour scheme, and the keys of the app's own menus.

// Whether the system prefers a dark colour scheme: the theme of a user who has not chosen one.
window.avaTheme = {
    prefersDark: () => window.matchMedia('(prefers-color-scheme: dark)').matches,
};

// In a menu of the app's own (role="menu" with data-arrow-keys; MudBlazor's menus handle their keys themselves), the
// arrow keys move the focus to the next or previous item, wrapping around, and Home and End to the first and last; the
// page does not scroll. The server renders the menu; only the focus moves here.
document.addEventListener('keydown', event => {
    const menu = event.target.closest?.('[role="menu"][data-arrow-keys]');
    if (!menu) {
        return;
    }

    const items = [...menu.querySelectorAll('[role="menuitem"]')];
    const current = items.indexOf(event.target);
    const next = {
        ArrowDown: (current + 1) % items.length,
        ArrowUp: (current - 1 + items.length) % items.length,
        Home: 0,
        End: items.length - 1,
    }[event.key];
    if (next === undefined || items.length === 0) {
        return;
    }

    event.preventDefault();
    items[next].focus();
});

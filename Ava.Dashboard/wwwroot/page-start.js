// What waits for the page's first paint, so that the paint does not wait for it: MudBlazor's whole style sheet
// (link[data-deferred-styles], sent with media="print"; the first-paint part styles everything the server rendered),
// then Blazor (loaded with autostart="false"), which attaches the page's circuit or its enhanced navigation.
(() => {
    const applyStyles = () => document.querySelectorAll('link[data-deferred-styles]').forEach(link => {
        if (link.media !== 'all') {
            link.media = 'all';
        }
    });

    let started = false;
    const start = () => {
        applyStyles();
        if (!started) {
            started = true;
            Blazor.start();
            // An enhanced navigation copies the next page's head, media attribute included.
            Blazor.addEventListener('enhancedload', applyStyles);
        }
    };

    // The callback of the next animation frame runs before that frame is painted; a task queued from it runs after.
    requestAnimationFrame(() => setTimeout(start, 0));
    // A page that is not painted (a tab opened in the background) gets no animation frame; it starts anyway.
    setTimeout(start, 1000);
})();

// Style sheets marked data-deferred-styles arrive with media="print", so the first paint does not wait for them; they
// apply to the screen from the frame after that paint. An enhanced navigation copies the new page's head, media
// attribute included, so they are applied again after each one.
(() => {
    const apply = () => document.querySelectorAll('link[data-deferred-styles]').forEach(link => {
        if (link.media !== 'all') {
            link.media = 'all';
        }
    });
    requestAnimationFrame(() => setTimeout(apply, 0));
    // A page that is never painted (a tab opened in the background) gets no animation frame; it gets the sheets anyway.
    setTimeout(apply, 1000);
    window.Blazor?.addEventListener?.('enhancedload', apply);
})();

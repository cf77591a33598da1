// What waits for the page's first paint, so that the paint does not wait for it:
// - MudBlazor's whole style sheet (link[data-deferred-styles], sent with media="print"; the first-paint part styles
//   everything the server rendered);
// - the page's scripts (this script's data-scripts, in order), Blazor's first, loaded with autostart="false";
// - then Blazor, which attaches the page's circuit or its enhanced navigation.
(() => {
    const scripts = document.currentScript.dataset.scripts.split(' ').filter(source => source);
    const applyStyles = () => document.querySelectorAll('link[data-deferred-styles]').forEach(link => {
        if (link.media !== 'all') {
            link.media = 'all';
        }
    });

    const load = source => new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = source;
        // Inserted scripts run as they arrive unless told otherwise; these run in the order given.
        script.async = false;
        if (source.includes('blazor.web')) {
            script.setAttribute('autostart', 'false');
        }

        script.onload = resolve;
        script.onerror = () => reject(new Error(`The script ${source} did not load.`));
        document.body.appendChild(script);
    });

    let started = false;
    const start = async () => {
        applyStyles();
        if (started) {
            return;
        }

        started = true;
        await Promise.all(scripts.map(load));
        Blazor.start();
        // An enhanced navigation copies the next page's head, media attribute included.
        Blazor.addEventListener('enhancedload', applyStyles);
    };

    // The first contentful paint's entry is reported once that paint is on screen. Until then the browser is still
    // rastering and drawing it, and styles applied or scripts run meanwhile would hold it up: on a busy machine they
    // take the same cores, and a style change makes it raster again.
    if (PerformanceObserver.supportedEntryTypes?.includes('paint')) {
        const observer = new PerformanceObserver(list => {
            if (list.getEntriesByName('first-contentful-paint').length > 0) {
                observer.disconnect();
                setTimeout(start, 0);
            }
        });
        observer.observe({ type: 'paint', buffered: true });
    } else {
        // The callback of the next animation frame runs before that frame is painted; a task queued from it runs after.
        requestAnimationFrame(() => setTimeout(start, 0));
    }

    // A page that is not painted (a tab opened in the background) reports no paint; it starts anyway.
    setTimeout(start, 1000);
})();

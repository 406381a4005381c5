"""The running web app's shared pieces: the runtime (data loaded at start-up, with its caches)
and the page state carried in the URL."""

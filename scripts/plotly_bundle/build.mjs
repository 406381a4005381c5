// Bundles plotly.js's core and the given trace modules into one minified browser script.
//
// Run by scripts/build_plotly_bundle.py, which installs plotly.js and esbuild into the cache
// folder first; not meant to be run by hand:
//
//     node build.mjs <cache folder> <output file> <banner file> <trace> [<trace> ...]
//
// The options follow the ones plotly.js's own build uses for its dist/ bundles (an IIFE for
// ES2016 browsers, `global` as `window`, the `stream` alias, no AMD), so the partial bundle
// behaves like the full one, only with fewer trace types. plotly.js `require`s MapLibre's
// stylesheet; its build turns that into a <style> element at load time, and the plugin below
// does the same (the map's controls and attribution need those rules).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const [cache, outfile, bannerFile, ...traces] = process.argv.slice(2);
if (!cache || !outfile || !bannerFile || traces.length === 0) {
    console.error("usage: node build.mjs <cache folder> <output file> <banner file> <trace>...");
    process.exit(2);
}
const requireFromCache = createRequire(path.join(path.resolve(cache), "package.json"));
const esbuild = requireFromCache("esbuild");

// Only these names, so nothing but plotly.js's own modules can end up in the entry.
for (const trace of traces) {
    if (!/^[a-z0-9]+$/.test(trace)) {
        throw new Error(`not a trace name: ${trace}`);
    }
}
const entry = [
    "var Plotly = require('plotly.js/lib/core');",
    "Plotly.register([",
    ...traces.map((trace) => `    require('plotly.js/lib/${trace}'),`),
    "]);",
    // What the full bundle does last: a page's scripts (dcc.Graph, assets/) find it there.
    "window.Plotly = Plotly;",
    "",
].join("\n");

/** CSS that a module `require`s becomes a <style> element, added once, when it is loaded. */
const stylesheetsAsStyleElements = {
    name: "stylesheets-as-style-elements",
    setup(build) {
        build.onLoad({ filter: /\.css$/ }, async (args) => {
            const css = readFileSync(args.path, "utf8");
            const minified = (await esbuild.transform(css, { loader: "css", minify: true })).code.trim();
            const id = `plotly-partial-${path.basename(args.path, ".css")}`;
            const contents = `(function () {
                if (typeof document === "undefined" || document.getElementById(${JSON.stringify(id)})) return;
                var style = document.createElement("style");
                style.id = ${JSON.stringify(id)};
                style.textContent = ${JSON.stringify(minified)};
                document.head.appendChild(style);
            })();`;
            return { contents, loader: "js" };
        });
    },
};

const result = await esbuild.build({
    stdin: { contents: entry, resolveDir: path.resolve(cache), sourcefile: "plotly-partial-entry.js" },
    outfile,
    bundle: true,
    format: "iife",
    minify: true,
    target: "es2016",
    legalComments: "eof", // the licences of plotly.js's dependencies (MapLibre, d3...) stay in
    banner: { js: readFileSync(bannerFile, "utf8").trimEnd() },
    plugins: [stylesheetsAsStyleElements],
    alias: { regl: "@plotly/regl", stream: "stream-browserify" },
    define: { global: "window", "define.amd": "false", "process.env.NODE_DEBUG": "false" },
    logLevel: "warning",
    metafile: true,
});
const inputs = Object.keys(result.metafile.inputs).length;
console.log(`esbuild ${esbuild.version}: ${inputs} modules -> ${outfile}`);

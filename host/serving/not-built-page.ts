/** The app's own page while `dist/renderer/index.html` is missing, in both modes. */
export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Quarry: the app is not built yet</title></head>
<body>
<h1>Quarry: the app is not built yet</h1>
<p>The server is running, but the notebook app (<code>dist/renderer/</code>) has not been built.
Run <code>npm run build</code> in the Quarry folder, then reload this page.</p>
</body>
</html>
`;

// The page Mattermost's server would send for any webapp route (root.html):
// an empty root element and one script. Styles are a separate file, which
// CSP `script-src 'self'` allows.
export interface IndexHtmlOptions {
    /** URL path of main.js and main.css, e.g. /harness. */
    assetPath: string;
    /** Appended as ?v= so browsers never run a stale bundle. */
    version: string;
}

export function renderIndexHtml({assetPath, version}: IndexHtmlOptions): string {
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mattermost (simulator harness)</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assetPath}/main.css?v=${version}">
</head>
<body>
<div id="root"></div>
<script src="${assetPath}/main.js?v=${version}"></script>
</body>
</html>
`;
}

// The XSS corpus of the hardening tests (attacks.test.mjs), and documents in
// the three accepted formats that carry one vector in every string field.
//
// Each vector is a function of `js`, the script it tries to run: a call of
// the page sentinel, `top.__pwned(n)`. Vectors whose script would run in an
// opaque origin (data: URLs), where `top.__pwned` is out of reach, use
// `alert(n)` instead; the tests count dialogs too.

const ALERT = (n) => `alert(${n})`;

/** [name, (js, n) => payload] */
export const VECTORS = [
  // Markup in text fields.
  ['script tag', (js) => `<script>${js}</script>`],
  ['script tag, upper case, src', (js) => `<SCRIPT SRC="data:text/javascript,${js}"></SCRIPT>`],
  ['img onerror', (js) => `<img src=x onerror=${js}>`],
  ['img onerror, quoted, slashes', (js) => `<img/src="x"/onerror="${js}">`],
  ['svg onload', (js) => `<svg onload=${js}>`],
  ['svg script', (js) => `<svg><script>${js}</script></svg>`],
  ['svg a xlink:href', (js) => `<svg><a xlink:href="javascript:${js}"><text x="20" y="20">x</text></a></svg>`],
  ['math mglyph style mXSS', (js) => `<math><mtext><table><mglyph><style><img src=x onerror=${js}>`],
  ['math maction href', (js) => `<math><maction actiontype="statusline" xlink:href="javascript:${js}">x</maction></math>`],
  ['details ontoggle', (js) => `<details open ontoggle=${js}>x</details>`],
  ['body onload', (js) => `<body onload=${js}>`],
  ['input autofocus onfocus', (js) => `<input autofocus onfocus=${js}>`],
  ['video source onerror', (js) => `<video><source onerror=${js}></video>`],
  ['marquee onstart', (js) => `<marquee onstart=${js}>x</marquee>`],
  ['iframe srcdoc', (js) => `<iframe srcdoc="<script>parent.${js.replace('top.', '')}</script>"></iframe>`],
  ['iframe javascript src', (js) => `<iframe src="javascript:parent.${js.replace('top.', '')}"></iframe>`],
  ['object data', (js) => `<object data="javascript:${js}"></object>`],
  ['embed src', (js) => `<embed src="javascript:${js}">`],
  ['form action', (js) => `<form action="javascript:${js}"><button>go</button></form>`],
  ['button formaction', (js) => `<button formaction="javascript:${js}">go</button>`],
  ['a href with spaces', (js) => `<a href="  javascript:${js}">click</a>`],
  ['a href entity tab', (js) => `<a href="jav&#x09;ascript:${js}">click</a>`],
  ['a href padded decimal entities', (js) => `<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058${js}">x</a>`],
  ['style url(javascript:)', (js) => `<div style="background:url(javascript:${js})">x</div>`],
  ['style expression', (js) => `<p style="width:expression(${js})">x</p>`],
  ['base href', (js) => `<base href="javascript:${js}//">`],
  ['meta refresh', (js) => `<meta http-equiv="refresh" content="0;url=javascript:${js}">`],
  ['link stylesheet data', () => '<link rel="stylesheet" href="data:text/css,*{display:none}">'],
  ['template breakout', (js) => `<template><img src=x onerror=${js}></template>`],
  ['noscript mXSS', (js) => `<noscript><p title="</noscript><img src=x onerror=${js}>">`],
  ['textarea breakout', (js) => `</textarea><img src=x onerror=${js}>`],
  ['title breakout', (js) => `</title><img src=x onerror=${js}>`],
  ['style breakout', (js) => `</style><img src=x onerror=${js}>`],
  ['script breakout', (js) => `</script><script>${js}</script>`],
  ['script breakout, odd case', (js) => `</ScRiPt ><img src=x onerror=${js}>`],
  ['comment and script', (js) => `<!--<script></script><img src=x onerror=${js}>-->`],
  ['attribute breakout double', (js) => `"><img src=x onerror=${js}>`],
  ['attribute breakout single', (js) => `'><svg onload=${js}>`],
  ['nested tag split', (js) => `<scr<script>ipt>${js}</scr</script>ipt>`],
  ['backtick src', (js) => `<IMG SRC=\`javascript:${js}\`>`],
  ['template injection', (js) => `{{constructor.constructor('${js}')()}}`],
  ['line separators', (js) => `\u2028\u2029<script>${js}</script>`],
  // Dangerous URLs (for link and image fields; as text elsewhere).
  ['javascript: URL', (js) => `javascript:${js}`],
  ['javascript: mixed case', (js) => `JaVaScRiPt:${js}`],
  ['javascript: decimal entity', (js) => `&#106;avascript:${js}`],
  ['javascript: hex entity', (js) => `&#x6A;avascript:${js}`],
  ['javascript: &colon;', (js) => `javascript&colon;${js}`],
  ['javascript: with tab', (js) => `java\tscript:${js}`],
  ['javascript: with newline', (js) => `java\nscript:${js}`],
  ['javascript: leading NUL', (js) => `\u0000javascript:${js}`],
  ['javascript: leading controls and spaces', (js) => `\u0001\u0002 \u000b  javascript:${js}`],
  ['javascript: comment newline', (js) => `javascript://%0a${js}`],
  ['javascript: percent-encoded colon', (js) => `javascript%3A${encodeURIComponent(js)}`],
  ['javascript: fully percent-encoded', (js) => `%6A%61%76%61%73%63%72%69%70%74:${js}`],
  ['javascript: JSON-escaped colon', (js) => `javascript\u003a${js}`],
  ['vbscript: URL', (js) => `vbscript:${js}`],
  ['VBScript: URL, case', (js) => `VBScript:${js}`],
  ['data:text/html', (js, n) => `data:text/html,<script>${ALERT(n)}</script>`],
  ['data:text/html base64', (js, n) => `data:text/html;base64,${Buffer.from(`<script>${ALERT(n)}</script>`).toString('base64')}`],
  ['data: upper case, spaces', (js, n) => `  DATA:text/html,<svg onload=${ALERT(n)}>`],
  ['data:image/svg+xml', (js, n) => `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="${ALERT(n)}"/>`],
  ['data:image/svg+xml base64', (js, n) => `data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="${ALERT(n)}"/>`).toString('base64')}`],
  ['data:text/javascript', (js) => `data:text/javascript,${js}`],
  ['srcset with javascript:', (js) => `x 1x, javascript:${js} 2x`],
];

/** The payload of vector `i` (its sentinel call carries its number). */
export const payload = (i) => VECTORS[i][1](`top.__pwned(${i})`, i);

/** A 1×1 PNG: keeps image blocks (alt, caption) on screen when the vector
 * itself is refused as an image source. */
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

function publisher(v) {
  return {
    organiser: v, address: v, phone: v, email: v, postcode: v, icp: v,
    links: [{ text: v, href: v, title: v }, { text: `${v} 2`, href: v }],
  };
}

/** A native document with `v` in every string field. */
export function nativeDoc(v) {
  return {
    format: 'article-reader', version: 1, id: v, lang: v, url: v,
    site: { name: v, url: v },
    title: v, published: v, source: v, views: 7, author: v,
    lead: [v, { text: v, href: v, strong: true }, { break: true }, { text: v, em: true }],
    blocks: [
      { type: 'paragraph', text: v },
      { type: 'paragraph', text: [v, { text: v, href: v }, { text: v, href: v, em: true, strong: true }] },
      { type: 'heading', text: v, level: 2 },
      { type: 'heading', text: [{ text: v, href: v }], level: 3 },
      { type: 'list', ordered: false, items: [v, [{ text: v, href: v }]] },
      { type: 'list', ordered: true, items: [v] },
      { type: 'quote', text: v, cite: v },
      { type: 'image', src: v, alt: v, caption: v },
      { type: 'image', src: PNG, alt: v, caption: [v, { text: v, href: v }] },
    ],
    publisher: publisher(v),
  };
}

/** A JSON Feed with `v` in every string field: an item with content_html
 * (the vector alone, and inside allowed tags and attributes), one with
 * content_text, and an untitled one. */
export function feedDoc(v) {
  const attr = v.replace(/"/g, '&quot;');
  const ext = { source: v, views: 3, site: { name: v, url: v }, publisher: publisher(v) };
  const authors = [{ name: v, url: v, avatar: v }];
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: v, home_page_url: v, feed_url: v, description: v, icon: v, favicon: v,
    authors, _article_reader: ext,
    items: [
      {
        id: 'html', url: v, external_url: v, title: v, summary: v, image: v, banner_image: v,
        date_published: v, date_modified: v, tags: [v], language: v, authors, _article_reader: ext,
        content_html: `${v}<p>${v}</p><h2>${v}</h2><ul><li>${v}</li></ul><blockquote>${v}</blockquote>`
          + `<p><a href="${attr}" title="${attr}">${v}</a> <a href='${v}'>q</a> <strong>${v}</strong></p>`
          + `<figure><img src="${attr}" alt="${attr}"><figcaption>${v}</figcaption></figure>`
          + `<img src="${PNG}" alt="${attr}" onerror="${attr}">`,
      },
      { id: 'text', title: v, summary: v, content_text: `${v}\n\n${v}`, image: PNG, authors },
      { id: v, content_text: v },
    ],
  };
}

/** A schema.org NewsArticle with `v` in every string field. */
export function newsDoc(v) {
  return {
    '@context': 'https://schema.org', '@type': 'NewsArticle', '@id': v,
    headline: v, name: v, description: v, articleBody: `${v}\n${v}`, url: v,
    mainEntityOfPage: { '@type': 'WebPage', '@id': v }, inLanguage: v,
    datePublished: v, dateModified: v,
    author: [{ '@type': 'Person', name: v, url: v }, v],
    image: [{ '@type': 'ImageObject', url: v, caption: v, name: v },
      { '@type': 'ImageObject', url: PNG, caption: v, name: v }],
    publisher: {
      '@type': 'Organization', name: v, url: v, telephone: v, email: v,
      address: { '@type': 'PostalAddress', streetAddress: v, addressLocality: v, postalCode: v },
      logo: { '@type': 'ImageObject', url: v },
    },
    sourceOrganization: { '@type': 'Organization', name: v },
  };
}

export const FORMATS = { native: nativeDoc, feed: feedDoc, news: newsDoc };

/** How many string fields of a format's document carry the vector. */
export function fieldCount(format) {
  const marker = '\u{E000}';
  return JSON.stringify(FORMATS[format](marker)).split(marker).length - 1;
}

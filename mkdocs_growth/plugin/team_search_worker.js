// mkdocs-growth team site: Material for MkDocs' search worker, answered by Pagefind.
//
// Material's search box talks to a worker in four messages (SETUP 0, READY 1,
// QUERY 2, RESULT 3) and lets a site replace that worker. This one ignores the
// documents Material sends (the team site's own index is empty) and asks the
// Pagefind index beside it, which fetches only the files a query needs.
"use strict"

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
const SHOWN = 20          // results whose text is fetched and shown
const SECTIONS = 3        // sections shown under each result
const root = new URL("../", self.location.href)  // this file is search/<name>.js
let pagefind = null

function escape(text) {
  return String(text).replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)
}

// Material sends lunr's query syntax (`kafka* +trace -log~1 title:x^2`): Pagefind takes words.
function words(query) {
  return query.split(/\s+/)
    .filter(term => term && !term.startsWith("-"))
    .map(term => term.replace(/^\+/, "").replace(/^(title|text|tags):/, "")
      .replace(/[*~^]\d*$/g, "").replace(/[*~^]/g, ""))
    .filter(Boolean)
}

// Pagefind's excerpts are text with `<` and `>` escaped and <mark> around the words found:
// everything but those marks is escaped again here, so member text never becomes markup.
function excerpt(text) {
  return String(text || "").split(/(<\/?mark>)/).map(part =>
    part === "<mark>" ? "<mark data-md-highlight>"
      : part === "</mark>" ? part
      : escape(part.replace(/&lt;/g, "<").replace(/&gt;/g, ">"))
  ).join("")
}

function relative(url) {
  const absolute = new URL(url, root)
  return absolute.href.slice(root.href.length)  // relative to the site, as Material's entries
}

// Material sends a query for every key typed: one the reader has typed past within PAUSE ms
// is dropped before it is searched, or before its results' text is fetched. (Pagefind's own
// debouncedSearch searches only the first part of a merged index.)
const PAUSE = 100
let latest = 0

async function search(query, ticket) {
  const terms = words(query)
  if (!terms.length)
    return { items: [] }
  await new Promise(resolve => setTimeout(resolve, PAUSE))
  if (ticket !== latest)
    return null
  const found = await pagefind.search(terms.join(" "))
  if (!found || ticket !== latest)
    return null
  const seen = Object.fromEntries(terms.map(term => [term, true]))
  const items = await Promise.all(found.results.slice(0, SHOWN).map(async (result, n) => {
    const data = await result.data()
    const score = found.results.length - n
    const page = {
      location: relative(data.url), title: escape(data.meta.title || data.url),
      text: excerpt(data.excerpt), score, terms: seen,
    }
    const sections = (data.sub_results || [])
      .filter(sub => sub.url.includes("#") && sub.title !== data.meta.title)
      .slice(0, SECTIONS)
      .map(sub => ({
        location: relative(sub.url), title: escape(sub.title),
        text: excerpt(sub.excerpt), score, terms: seen,
      }))
    return [page, ...sections]
  }))
  return ticket === latest ? { items } : null
}

addEventListener("message", async ({ data: message }) => {
  switch (message.type) {
    case SETUP: {
      // the index is in parts (parts.json): the first answers, the others are merged into it
      const folder = new URL("pagefind/", self.location.href)
      const parts = await (await fetch(new URL("parts.json", folder))).json()
      pagefind = await import(new URL(`${parts[0]}/pagefind.js`, folder).href)
      await pagefind.options({ baseUrl: root.pathname })
      await Promise.all(parts.slice(1).map(part =>
        pagefind.mergeIndex(new URL(`${part}/`, folder).pathname, { baseUrl: root.pathname })))
      await pagefind.init()  // every part's settings and code now, not while the reader types
      postMessage({ type: READY })
      break
    }
    case QUERY:
      try {
        const result = await search(message.data, ++latest)
        if (result)
          postMessage({ type: RESULT, data: result })
      } catch (err) {
        console.warn("search failed:", err)
        postMessage({ type: RESULT, data: { items: [] } })
      }
      break
  }
})

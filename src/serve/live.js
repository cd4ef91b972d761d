// kartoteka serve: reloads this page when it is rebuilt, and shows content errors over it.
// Added to HTML pages by `kartoteka serve` only; `kartoteka build` never writes it.
(() => {
  const events = new EventSource("/__kartoteka/events");
  const here = () => {
    let path = decodeURIComponent(location.pathname);
    if (path.endsWith("/")) path += "index.html";
    return path;
  };
  events.addEventListener("reload", (event) => {
    const changed = JSON.parse(event.data);
    if (changed.includes("*") || changed.includes(here())) location.reload();
  });
  events.addEventListener("clean", () => location.reload());
  events.addEventListener("errors", (event) => {
    const errors = JSON.parse(event.data);
    let box = document.getElementById("kartoteka-errors");
    if (!box) {
      box = document.createElement("div");
      box.id = "kartoteka-errors";
      box.setAttribute("role", "alert");
      document.body.append(box);
    }
    box.replaceChildren();
    const title = document.createElement("p");
    title.append(document.createElement("strong"));
    title.firstChild.textContent =
      "The content has errors; this is the last good version of the page.";
    const list = document.createElement("ul");
    for (const e of errors) {
      const item = document.createElement("li");
      const where = document.createElement("code");
      where.textContent = `${e.path}:${e.line}:${e.column}`;
      item.append(where, " ", e.message);
      if (e.help) {
        const help = document.createElement("em");
        help.textContent = e.help;
        item.append(document.createElement("br"), help);
      }
      list.append(item);
    }
    box.append(title, list);
  });
  const style = document.createElement("style");
  style.textContent = `#kartoteka-errors { position: fixed; inset: auto 0 0 0; max-height: 60vh;
    overflow: auto; z-index: 2147483647; margin: 0; padding: 1rem 1.5rem; background: #fff4f4;
    color: #600; border-top: 4px solid #c00; font: 15px/1.5 system-ui, sans-serif; }
    #kartoteka-errors code { color: #000; }`;
  document.head.append(style);
})();

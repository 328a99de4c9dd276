"""Open the built website (`make book`) in a real browser and check what a reader sees.

First, without a browser: every internal link and image of every page points at a
file that exists, and at an anchor that exists on it. Then, in headless Chromium,
with the site served from a local port: the index and two chapters load, their math
is typeset, their figures are loaded and fit the page, the in-page table of contents
works, the search finds a term, the glossary shows, each chapter links to its
notebook on Binder (when the site was built with a repository), no page logs a
console error, and at 1400 px no chapter has a code or output block that scrolls
sideways. Saves screenshots of each step.

Usage: python tools/check_book.py [SITE] [SCREENSHOTS]   (build/book, build/book-screenshots)
Needs Playwright for Python (docs/requirements.txt) and a Chromium: CHROMIUM, default
/usr/bin/chromium (Debian's `chromium` package; Playwright's own download is not used).
"""
import functools
import http.server
import os
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHAPTERS = ["notebooks/01_computational_graphs", "notebooks/05b_backpropagation"]
SEARCH_TERM, SEARCH_HIT = "backpropagation", "05b_backpropagation"
VIEWPORT = {"width": 1280, "height": 900}
# A common desktop window: at this width no code or output block may scroll sideways.
WIDE_VIEWPORT = {"width": 1400, "height": 900}


class _Links(HTMLParser):
    """The ids of a page and the local targets of its links and images."""

    def __init__(self):
        super().__init__()
        self.ids, self.targets = set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            value = attrs.get(name)
            if value and tag in ("a", "img", "link", "script") and not urlsplit(value).scheme \
                    and not value.startswith("//"):
                self.targets.append(value)


def broken_links(site):
    """Every internal link or image that points at no file, or at no anchor on it."""
    pages = {}
    for path in site.rglob("*.html"):
        if "_static" in path.parts:  # the theme's templates, not pages
            continue
        parser = _Links()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path.resolve()] = parser
    broken = []
    for path, parser in pages.items():
        for target in parser.targets:
            parts = urlsplit(target)
            file = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if file.is_dir():
                file = file / "index.html"
            if not file.exists():
                broken.append(f"{path.relative_to(site.resolve())}: {target} (no such file)")
            elif (parts.fragment and file in pages
                  and unquote(parts.fragment) not in pages[file].ids):
                broken.append(f"{path.relative_to(site.resolve())}: {target} (no such anchor)")
    return broken


def serve(site):
    """An HTTP server on a free local port, in a thread; returns (server, base URL)."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


class Checker:
    def __init__(self, browser, base, shots):
        self.browser, self.base, self.shots = browser, base, shots
        self.passed, self.failures = 0, []

    def expect(self, condition, message):
        print(("ok    " if condition else "FAIL  ") + message, flush=True)
        if condition:
            self.passed += 1
        else:
            self.failures.append(message)

    def open(self, path, viewport=VIEWPORT):
        """A new page at `path`, with its console errors and failed requests collected."""
        page = self.browser.new_page(viewport=viewport)
        page.errors = []
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("requestfailed", lambda r: page.errors.append(f"request failed: {r.url}"))
        page.on("response", lambda r: r.status >= 400 and page.errors.append(
            f"{r.status}: {r.url}"))
        response = page.goto(f"{self.base}/{path}", wait_until="networkidle")
        self.expect(response is not None and response.ok, f"{path} loads")
        return page

    def shot(self, page, name):
        page.screenshot(path=str(self.shots / f"{name}.png"))

    def no_console_errors(self, page, path):
        self.expect(not page.errors, f"{path}: no console errors {page.errors[:3]}")

    def index(self):
        page = self.open("index.html")
        chapters = page.locator("nav a[href*='notebooks/']")
        self.expect(chapters.count() >= 10, f"index: the table of contents lists "
                    f"{chapters.count()} chapters")
        self.shot(page, "index")
        self.no_console_errors(page, "index.html")
        page.close()

    def chapter(self, name):
        path = f"{name}.html"
        page = self.open(path)
        page.wait_for_function("() => window.MathJax && MathJax.startup && "
                               "MathJax.startup.promise", timeout=20000)
        page.evaluate("() => MathJax.startup.promise")
        math = page.evaluate("""() => {
            const all = [...document.querySelectorAll('span.math, div.math')];
            return [all.length, all.filter(e => e.querySelector('mjx-container')).length]; }""")
        self.expect(math[0] > 0 and math[0] == math[1],
                    f"{path}: math typeset ({math[1]} of {math[0]} formulas)")
        figures = page.evaluate("""() => {
            const column = document.querySelector('article.bd-article').getBoundingClientRect();
            return [...document.querySelectorAll('.cell_output img')].map(img => {
                const box = img.getBoundingClientRect();
                return {loaded: img.complete && img.naturalWidth > 0, width: box.width,
                        fits: box.left >= column.left - 1
                              && box.right <= column.right + 1}; }); }""")
        self.expect(figures and all(f["loaded"] and f["width"] > 0 for f in figures),
                    f"{path}: {len(figures)} figures loaded and visible")
        self.expect(all(f["fits"] for f in figures),
                    f"{path}: every figure fits the page column "
                    f"({sum(not f['fits'] for f in figures)} do not)")
        overflow = page.evaluate("() => document.documentElement.scrollWidth - "
                                 "document.documentElement.clientWidth")
        self.expect(overflow <= 0, f"{path}: no sideways scrolling ({overflow} px)")
        self.shot(page, name.split("/")[-1] + "-top")
        contents = page.locator("nav.page-toc a")
        self.expect(contents.count() >= 2, f"{path}: in-page contents has {contents.count()} "
                    f"entries")
        if contents.count() >= 2:
            target = contents.nth(contents.count() - 1)
            anchor = target.get_attribute("href")
            target.click()
            page.wait_for_timeout(500)
            self.expect(page.url.endswith(anchor), f"{path}: in-page link {anchor} scrolls there")
            self.shot(page, name.split("/")[-1] + "-exercises")
        page.locator(".cell_output img").first.scroll_into_view_if_needed()
        self.shot(page, name.split("/")[-1] + "-figure")
        self.expect(page.locator("footer", has_text="Sabinasz").count() >= 1,
                    f"{path}: the sources are credited")
        note = page.locator(".admonition.note", has_text="minidl.exercises.")
        self.expect(note.count() == 1, f"{path}: the exercises say how to check them")
        binder = page.locator("a[href*='mybinder.org']")
        if binder.count():
            href = binder.first.get_attribute("href")
            self.expect(f"urlpath=lab/tree/{name}.ipynb" in href,
                        f"{path}: Binder link opens this chapter ({href})")
        else:
            print(f"note  {path}: no Binder link (the site was built without a repository)")
        self.no_console_errors(page, path)
        page.close()

    def code_fits(self, path):
        """At 1400 px, every code cell and printed output is readable without
        scrolling sideways: no <pre> is wider than the box that shows it."""
        page = self.open(path, viewport=WIDE_VIEWPORT)
        blocks = page.evaluate("""() => {
            const all = [...document.querySelectorAll('article.bd-article pre')];
            return [all.length, all.filter(e => e.scrollWidth > e.clientWidth + 1).length]; }""")
        self.expect(blocks[1] == 0, f"{path}: at 1400 px no code or output block scrolls "
                    f"sideways ({blocks[1]} of {blocks[0]} do)")
        page.close()

    def search(self):
        path = f"search.html?q={SEARCH_TERM}"
        page = self.open(path)
        results = page.locator("#search-results li")
        try:
            results.first.wait_for(timeout=20000)
        except Exception:
            pass
        hrefs = [results.nth(i).locator("a").first.get_attribute("href")
                 for i in range(results.count())]
        self.expect(any(SEARCH_HIT in (href or "") for href in hrefs),
                    f"search for '{SEARCH_TERM}' finds {SEARCH_HIT} ({len(hrefs)} results)")
        self.shot(page, "search")
        self.no_console_errors(page, path)
        page.close()

    def glossary(self):
        page = self.open("GLOSSARY.html")
        self.expect(page.locator("table tr").count() > 20, "GLOSSARY.html: the terms, as a table")
        math = page.evaluate("() => document.querySelectorAll('mjx-container').length")
        self.expect(math > 0, f"GLOSSARY.html: its formulas are typeset ({math})")
        self.shot(page, "glossary")
        self.no_console_errors(page, "GLOSSARY.html")
        page.close()

    def api(self):
        page = self.open("api.html")
        self.expect(page.locator("[id='minidl.matmul']").count() == 1,
                    "api.html documents minidl.matmul")
        self.shot(page, "api")
        self.no_console_errors(page, "api.html")
        page.close()


def main():
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "build/book")
    shots = Path(sys.argv[2] if len(sys.argv) > 2 else "build/book-screenshots")
    shots.mkdir(parents=True, exist_ok=True)
    if not (site / "index.html").exists():
        sys.exit(f"{site}/index.html does not exist: run `make book` first")
    broken = broken_links(site)
    for line in broken[:20]:
        print(f"FAIL  broken link: {line}")
    print(f"{'ok   ' if not broken else 'FAIL '} internal links: {len(broken)} broken")
    server, base = serve(site)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        checker = Checker(browser, base, shots)
        checker.index()
        for chapter in CHAPTERS:
            checker.chapter(chapter)
        for chapter in sorted(site.glob("notebooks/*.html")):
            checker.code_fits(chapter.relative_to(site).as_posix())
        checker.search()
        checker.glossary()
        checker.api()
        browser.close()
    server.shutdown()
    failures = len(checker.failures) + len(broken)
    print(f"screenshots in {shots}/")
    print(f"site: {checker.passed + (not broken)} passed, {failures} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

"""The screenshots of docs/: the README tour's news.jsonl built into a store and served, and Chromium at a
desktop's and a phone's width on the tour's pages (search, a person, the article with the sentence marked).

python bench/screenshots.py        # needs chromium, chromium-driver and a CJK font (fonts-noto-cjk)
Writes docs/img/*.png.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import serve, stop  # noqa: E402
from tests.test_docs import FILES  # noqa: E402

OUT = ROOT / "docs" / "img"
PERSON = "https://example.org/kg/person/周明远"


def main() -> None:
    from selenium import webdriver
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        news = Path(tmp) / "news.jsonl"
        news.write_text(FILES["news.jsonl"], "utf-8")
        subprocess.run([sys.executable, "-m", "kg", "build", str(news), "--quiet", "--store", str(store)], check=True)
        base, proc = serve(["--store", str(store)], Path(tmp) / "serve.log")
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium")
        for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--hide-scrollbars"):
            options.add_argument(arg)
        driver = webdriver.Chrome(service=webdriver.ChromeService(shutil.which("chromedriver")), options=options)
        wait = WebDriverWait(driver, 30)
        try:
            driver.set_window_size(1100, 900)
            driver.get(base + "/search?q=" + urllib.parse.quote("明远"))
            wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "ul.hits a"))
            driver.save_screenshot(str(OUT / "search.png"))
            driver.get(base + "/entity?iri=" + urllib.parse.quote(PERSON, safe=""))
            wait.until(lambda d: d.find_element(By.TAG_NAME, "svg"))
            driver.set_window_size(1100, 1500)
            driver.save_screenshot(str(OUT / "entity.png"))
            driver.set_window_size(1100, 900)
            driver.get(driver.find_element(By.CSS_SELECTOR, "blockquote a").get_attribute("href").split("#")[0])
            wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "mark"))
            driver.save_screenshot(str(OUT / "article.png"))
            driver.set_window_size(390, 844)
            driver.get(base + "/entity?iri=" + urllib.parse.quote(PERSON, safe=""))
            wait.until(lambda d: d.find_element(By.TAG_NAME, "svg"))
            driver.save_screenshot(str(OUT / "phone-entity.png"))
        finally:
            driver.quit()
            stop(proc)
    print("\n".join(str(p.relative_to(ROOT)) for p in sorted(OUT.glob("*.png"))))


if __name__ == "__main__":
    main()

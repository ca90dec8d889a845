"""Fetch the front-end files great-expectations' Data Docs load from CDNs, so reports render offline.

Run once when great-expectations changes its CDN links (`python flows/data_docs_assets/build_assets.py`):
it takes each package from the npm registry with `npm pack` (the versions the Data Docs pages name) and
copies the files the pages use here. flows/validation.py maps each CDN URL to one of these files.
Font Awesome keeps only its woff2 fonts (every browser that runs Bootstrap 4 reads woff2).
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
# npm package -> {file in the package: file here}
FILES = {
    "jquery@3.7.1": {"dist/jquery.min.js": "jquery.min.js"},
    "popper.js@1.12.9": {"dist/umd/popper.min.js": "popper.min.js"},
    "bootstrap@4.3.1": {"dist/css/bootstrap.min.css": "bootstrap.min.css",
                        "dist/js/bootstrap.min.js": "bootstrap.min.js"},
    "bootstrap-table@1.19.1": {
        "dist/bootstrap-table.min.css": "bootstrap-table.min.css",
        "dist/bootstrap-table.min.js": "bootstrap-table.min.js",
        "dist/extensions/filter-control/bootstrap-table-filter-control.min.js":
            "bootstrap-table-filter-control.min.js",
        "dist/extensions/filter-control/bootstrap-table-filter-control.min.css": "bootstrap-table-filter-control.min.css"},
    "bootstrap-datepicker@1.9.0": {"dist/css/bootstrap-datepicker.min.css": "bootstrap-datepicker.min.css",
                                   "dist/js/bootstrap-datepicker.min.js": "bootstrap-datepicker.min.js"},
    "@fortawesome/fontawesome-free@6.6.0": {
        "css/all.min.css": "fontawesome/css/all.min.css",
        **{f"webfonts/{n}.woff2": f"fontawesome/webfonts/{n}.woff2"
           for n in ("fa-brands-400", "fa-regular-400", "fa-solid-900", "fa-v4compatibility")}},
}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for package, files in FILES.items():
            name = subprocess.run(["npm", "pack", package, "--silent"], cwd=tmp, check=True, capture_output=True,
                                  text=True).stdout.strip().splitlines()[-1]
            with tarfile.open(Path(tmp) / name) as tar:
                for inner, outer in files.items():
                    target = HERE / outer
                    target.parent.mkdir(parents=True, exist_ok=True)
                    with tar.extractfile(f"package/{inner}") as src, open(target, "wb") as dst:
                        shutil.copyfileobj(src, dst)
    css = HERE / "fontawesome/css/all.min.css"  # woff2 only: drop the truetype fallbacks
    css.write_text(re.sub(r',url\(\.\./webfonts/[^)]+\.ttf\) format\("truetype"\)', "", css.read_text()))


if __name__ == "__main__":
    main()

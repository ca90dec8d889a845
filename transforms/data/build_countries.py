"""Regenerate countries.tsv: ISO 3166 countries with their Vietnamese names from maintained sources.

    python transforms/data/build_countries.py > transforms/data/countries.tsv

Sources: CLDR territory names in Vietnamese (via babel) and pycountry's Vietnamese translations of
ISO 3166-1. The press forms these lack (`Mỹ`, `Anh`, `Triều Tiên`, old transliterations, seats of
government, former states) live in aliases.tsv, maintained by hand.
"""
import gettext
import re
import sys

import pycountry
from babel import Locale


def clean(name: str) -> list[str]:
    """CLDR writes `Myanmar (Miến Điện)` and `Đặc khu Hành chính Hồng Kông, Trung Quốc`: keep usable forms."""
    if "," in name:
        return []
    out = [name]
    m = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
    if m:
        out = [m.group(1), m.group(2)]
    return [n.strip() for n in out if n.strip()]


def main():
    territories = Locale("vi").territories
    translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["vi"]).gettext
    print("iso3\tiso2\tname_vi\taliases_vi\tname_en")
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        names: list[str] = []
        for source in (territories.get(country.alpha_2, ""), translate(country.name)):
            names.extend(n for n in clean(source) if n not in names)
        if not names:
            continue
        print("\t".join([country.alpha_3, country.alpha_2, names[0], "|".join(names[1:]), country.name]))


if __name__ == "__main__":
    sys.exit(main())

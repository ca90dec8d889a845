"""Regenerate lowercase_syllables.txt: syllables news writes in lowercase inside a sentence.

    python transforms/data/build_lowercase.py ../shared/bulk/vntc_bulk_20k.tar.xz > \
        transforms/data/lowercase_syllables.txt

Inside a sentence Vietnamese capitalizes only names (`Trung Quốc`, `Trần Đức Lương`) and the first syllable of
institutions and titles (`Bộ Quốc phòng`, `Thủ tướng`). A syllable that the press almost never capitalizes
there (`hôm`, `nông`, `một`, `ông`), seen capitalized after a word with no punctuation, starts a new sentence
that lost its full stop: a headline or a caption run into the lead (`… bức tường biên giới với Mỹ Hôm 21-12,
Mexico tuyên bố …`). Counted on the 20,000 bulk VNTC articles (benchmark text, not the evaluation corpus):
a syllable is listed when it follows a plain word at least MIN_SEEN times and is capitalized there at most
MAX_CAPITALIZED of them (the glued headlines themselves are among the capitalized ones). Names of institutions
capitalize each of their words (`Ban Tư vấn Tuyển sinh`, `Thứ trưởng`): a listed syllable with the next one
is listed again as a pair when the pair is capitalized more than MAX_PAIR_CAPITALIZED of the times it follows a
plain word (seen at least MIN_PAIR_SEEN times): capitalized before that next syllable, it starts no sentence.
"""
import re
import sys
import tarfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from transforms.normalize import normalize_text  # noqa: E402
from transforms.vietnamese import LETTER, is_syllable  # noqa: E402

MIN_SEEN = 50
MAX_CAPITALIZED = 0.02
MIN_PAIR_SEEN = 5
MAX_PAIR_CAPITALIZED = 0.05
_TOKEN = re.compile(r"\S+")
_PLAIN_END = re.compile(rf"[{LETTER}0-9]$")
_WORD = re.compile(rf"^[\"“‘(]*([{LETTER}]+)")


def counts(texts) -> tuple[Counter, Counter]:
    """How often each syllable, and each syllable with the next, follows a plain word; how often capitalized."""
    seen, capitalized = Counter(), Counter()
    for text in texts:
        for line in text.split("\n"):
            toks = _TOKEN.findall(line)
            for i in range(1, len(toks)):
                word = _WORD.match(toks[i])
                if not (_PLAIN_END.search(toks[i - 1]) and word and is_syllable(word.group(1))):
                    continue
                w = word.group(1)
                nxt = _WORD.match(toks[i + 1]) if i + 1 < len(toks) else None
                keys = [w.lower()] + ([f"{w.lower()} {nxt.group(1).lower()}"] if nxt else [])
                for key in keys:
                    seen[key] += 1
                    capitalized[key] += w[0].isupper()
    return seen, capitalized


def _texts(path: str):
    with tarfile.open(path) as tar:
        for member in tar:
            if member.isfile() and member.name.endswith(".txt"):
                yield normalize_text(tar.extractfile(member).read().decode("utf-8", "replace"))


def main() -> None:
    seen, capitalized = counts(_texts(sys.argv[1]))
    single = {w for w, n in seen.items() if " " not in w and n >= MIN_SEEN and capitalized[w] <= MAX_CAPITALIZED * n}
    pairs = {p for p, n in seen.items() if " " in p and p.split()[0] in single and n >= MIN_PAIR_SEEN
             and capitalized[p] > MAX_PAIR_CAPITALIZED * n}
    print(f"# syllables written lowercase inside a sentence, and pairs of them capitalized in names "
          f"(build_lowercase.py: {MIN_SEEN}, {MAX_CAPITALIZED:.0%}; {MIN_PAIR_SEEN}, {MAX_PAIR_CAPITALIZED:.0%})")
    for w in sorted(single | pairs):
        print(w)


if __name__ == "__main__":
    main()

"""Publication dates: constructed cases for the header, metadata and precision rules, then real corpus
articles (read from ../shared at test time) for each kind of clue, and articles that must stay undated."""
import datetime as dt

import pytest

from tests.conftest import corpus_sentence, read_corpus
from transforms import pubdate
from transforms.article import Document, clean, extract
from transforms.decode import decode_bytes

TODAY = dt.date(2026, 11, 21)


def _published(text: str, published: str | None = None):
    x = extract(clean(Document("x", "doc.txt", text, "utf-8", published=published)), today=TODAY)
    return (x.published.date.value if x.published.date else None), x.published.basis


def _corpus(name: str):
    x = extract(clean(Document(name, name, decode_bytes(read_corpus(name)).text, "utf-8")), today=TODAY)
    return (x.published.date.value if x.published.date else None), x.published.basis, x.published.evidence


def test_metadata_wins(seed_texts):
    assert _published(seed_texts[0], "2001-05-29") == ("2001-05-29", "metadata")
    assert _published(seed_texts[0], "2001-05") == ("2001-05", "metadata")


def test_header_line():
    assert _published("# doc_id = x\n# date = 20201001\nTiêu đề bài báo\nNga và Mỹ đã hội đàm tại Geneva hôm qua về "
                      "vấn đề hạt nhân.") == ("2020-10-01", "header")


def test_byline_day_with_year_from_office_holders(seed_texts):
    # `(theo AP, NBC, 29/5)` gives the day; Bush, Putin and Defence Minister Sergei Ivanov fix 2001
    assert _published(seed_texts[0]) == ("2001-05-29", "world")


def test_precision_never_exceeds_evidence():
    # `Năm 2006, … sẽ`: a plan of the year, which the year names (without the plan, see
    # test_a_year_told_as_a_point_in_the_past)
    value, basis = _published("Tiêu đề\nNăm 2006, trường đại học sẽ tuyển sinh 1.000 sinh viên cho các ngành kinh tế.")
    assert (value, basis) == ("2006", "text")


@pytest.mark.parametrize("name,value,basis,clue", [
    # office holders named with their titles, intersected, and a numbered congress (ordinal anchor)
    ("vims_2016/0001.txt", "2016-05-21", "world", "office: Tổng thống Park Geun-hye"),
    ("vims_2016/0001.txt", "2016-05-21", "world", "anchor: đại hội lần thứ 7 của đảng Lao động Triều Tiên (2016-05)"),
    # `tân Tổng thống`: near the start of a term; `Ngoại trưởng Perfecto Yasay` too
    ("vims_2016/0037.txt", "2016-05-31", "world", "new: tân Tổng thống Rodrigo Duterte"),
    # `cựu thủ tướng`: after the end of a term; a named battle as a dated anchor
    # (the latest day 30/5 told beside `sáng sớm qua`: the article is of the next day)
    ("vims_2016/0006.txt", "2016-05-31", "world", "former: cựu thủ tướng Nouri al-Maliki"),
    ("vims_2016/0006.txt", "2016-05-31", "world", "anchor: chiến dịch Fallujah (2016-05-22)"),
    # weekday with day and month: 10 January was a Tuesday in 2006 (not 2005 or 2007)
    ("vntc_2000s/0074.txt", "2006-01-10", "world", "weekday: hôm thứ ba (10-1)"),
    ("vntc_2000s/0234.txt", "2005-04-08", "world", "weekday: ngày thứ ba 5-4"),
    # related-article dates tell the era
    ("vntc_2000s/0003.txt", "2005-06-21", "world", "related articles 2005-2005"),
    # `Cách đây 71 năm` counted from 1945; the headline names Obama's visit to Hiroshima (a happening of
    # 2016-05-27, anchors.tsv): news of it, so of its month
    ("vims_2016/0018.txt", "2016-05", "world", "Cách đây 71 năm from 1945"),
    ("vims_2016/0018.txt", "2016-05", "world", "anchor: Obama thăm Hiroshima (2016-05-27)"),
    # a headline naming a lasting story (the mass fish deaths from April 2016, news for months) dates
    # only the year
    ("vims_2016/0091.txt", "2016", "world", "anchor: cá chết hàng loạt (2016-04-06)"),
    # an HTML date line
    ("vntc_2000s/0233.txt", "2006-04-26", "dateline", "header dateline"),
    # no past day or month but `hội nghị APEC … ngày 18/11 tới` (a day coming, weeks ahead): its month
    ("vntc_2000s/0018.txt", "2004-11", "world", "anchor: APEC thường niên tại Chile (2004-11-20)"),
    # `tháng 5 vừa qua`: the May just over, so a later month (June)
    ("baomoi_2017/0076.txt", "2017-06", "world", "office: Tổng thống Moon Jae-in"),
    # `cựu Tổng thống S.Hussein`: an initial for the given name; out of office after his last term (2003),
    # not after REIGN's Kuwait interlude inside it
    ("vntc_2000s/0131.txt", "2004-03-27", "world", "former: cựu Tổng thống S.Hussein"),
    # `Trong khi đó, … Thủ tướng Đan Mạch A.Rasmussen`: `trong khi đó` is meanwhile, not `khi đó` (then);
    # the initial keeps Anders Fogh Rasmussen's term and not another Rasmussen's
    ("vntc_2000s/0132.txt", "2002-02-03", "world", "office: Thủ tướng A.Rasmussen"),
    # the Taliban leader killed by a US strike (Mansour, May 2016) told without his name; Obama's visit
    ("vims_2016/0049.txt", "2016-05-21", "world", "anchor: Taliban xác nhận thủ lĩnh bị Mỹ tiêu diệt (2016-05-21)"),
    ("vims_2016/0075.txt", "2016-05-22", "world",
     "anchor: Obama kết thúc chuyến thăm tại Việt Nam (2016-05-23/2016-05-25)"),
    # `vào tháng 3/2016 vừa qua`, `vào năm 2004`: `vào` (on, in) before a year is the past, not a target
    ("vims_2016/0072.txt", "2016", "text", "past year 2016"),
    ("vntc_2000s/0105.txt", "2004", "text", "past year 2004"),
    # `nội chiến kéo dài 6 năm qua tại Syria`: six years of the war begun in March 2011 (anchors.tsv)
    ("baomoi_2017/0012.txt", "2017", "world", "nội chiến kéo dài 6 năm qua tại Syria from 2011"),
    # `tộc trưởng Saad Al-Abdullah, 75 tuổi` (born 13 February 1930): February 2005 to February 2006, the
    # latest past day the text names (`ngày 22-1`); it outweighs the lone past year 1997
    ("vntc_2000s/0169.txt", "2006-01-22", "world", "age: Saad Al-Abdullah 75 (born 1930-02-13)"),
    # `kể từ khi ông Ahmed Korei nhậm chức tháng 11 năm ngoái`: the year after his term's start (2003)
    ("vntc_2000s/0060.txt", "2004", "world", "took office last year: ông Ahmed Qurei"),
])
def test_corpus_clues(name, value, basis, clue):
    got_value, got_basis, evidence = _corpus(name)
    assert (got_value, got_basis) == (value, basis)
    assert clue in evidence


@pytest.mark.parametrize("name", [
    "vntc_2000s/0008.txt",  # a grenade at a Jakarta hotel `hôm qua`: no year, no office holder, no anchor
    "vntc_2000s/0010.txt",  # a blast in a Chinese school `hôm qua`: nothing fixes the year
    "vntc_2000s/0013.txt",  # `tai nạn tháng 12 năm ngoái`: last year, but of no dated anchor
])
def test_corpus_articles_that_stay_undated(name):
    assert _corpus(name)[:2] == (None, "none")


@pytest.mark.parametrize("role,office", [
    ("Bộ trưởng Quốc phòng", "defmin"), ("Bộ trưởng Bộ Ngoại giao", "fm"), ("Ngoại trưởng", "fm"),
    ("người phát ngôn Bộ Ngoại giao", "spokesperson"), ("Thủ tướng Chính phủ", "pm"), ("tân Tổng thống", "president"),
    ("ông", None), (None, None),
])
def test_office_of_title(role, office):
    assert pubdate._office_of(role) == office


def test_news_of_a_happening_is_of_its_month_unless_it_crosses_into_the_next():
    clue = lambda day: pubdate.Clue(1.0, ((day, day + dt.timedelta(days=365)),), "anchor", news=(day,))
    assert pubdate._news_month([clue(dt.date(2016, 5, 21))], 2016) == 5
    assert pubdate._news_month([clue(dt.date(2016, 5, 30))], 2016) is None  # its news may be of June
    assert pubdate._news_month([clue(dt.date(2016, 5, 21)), clue(dt.date(2016, 7, 2))], 2016) is None
    assert pubdate._news_month([clue(dt.date(2015, 5, 21))], 2016) is None


def test_latest_day_across_new_year():
    # 28/12, 30/12 and 3/1 in one article: the latest is 3 January
    assert pubdate._latest_circular([(12, 28), (1, 3), (12, 30)]) == (1, 3)
    assert pubdate._latest_circular([(5, 20), (5, 21), (5, 8)]) == (5, 21)


@pytest.mark.parametrize("after,upcoming", [
    (" tới nếu tình hình xấu đi.", True), (" tới.", True), (" tới cũng là", True),
    (" tới hết tháng", False), (" tới ngày 5/5", False), (" tới Hà Nội", False), (" tới thăm", False), (".", False),
])
def test_a_day_told_as_coming(after, upcoming):
    from transforms.timexes import is_upcoming
    assert is_upcoming(after) is upcoming


def test_out_of_office_spans():
    p = pubdate.gz.Person
    terms = [p("X", "IRQ", "president", dt.date(1979, 7, 16), dt.date(2003, 4, 9)),
             p("X", "KWT", "leader", dt.date(1990, 8, 2), dt.date(1991, 4, 20))]
    assert pubdate._out_of_office(terms) == ((dt.date(2003, 4, 9), dt.date.max),)
    terms = [p("Y", "RUS", "president", dt.date(2000, 5, 7), dt.date(2008, 5, 7)),
             p("Y", "RUS", "president", dt.date(2012, 5, 7), None)]
    assert pubdate._out_of_office(terms) == ((dt.date(2008, 5, 7), dt.date(2012, 5, 7)),)


def test_a_spelling_from_russian_names_the_minister():
    # `Bộ trưởng Quốc phòng Antoni Macherevich` is Macierewicz (in office from 16 November 2015 to January 2018):
    # his term is the only clue; it only touches 2015 (one mid-month), so the next year, which it holds whole
    value, basis, evidence = _corpus("vims_2016/0024.txt")
    assert evidence == ("office: Bộ trưởng Quốc phòng Antoni Macierewicz",) and (value, basis) == ("2016", "world")


def test_led_by_and_a_group_name_bound_the_year():
    # `nhóm Al-Qaeda tại Iraq` (the name from October 2004) and `do Abu Musab al-Zarqawi cầm đầu` (led by him,
    # killed June 2006): 2005 (the day, 28 July, is world knowledge the text does not give)
    value, basis, evidence = _corpus("vntc_2000s/0062.txt")
    assert value[:4] == "2005" and basis == "world"
    assert {"office: Abu Musab al-Zarqawi", "after: Al-Qaeda tại Iraq (2004-10-17)"} <= set(evidence)


def test_a_bare_title_in_the_article_names_the_untitled_holder():
    # `người đồng cấp Mỹ Rex Tillerson` then `ông ấy (ngoại trưởng Mỹ)`: the bare title and country are his
    # (Secretary of State 2017-02..2018-03), at a lower weight than a title before the name
    value, basis, evidence = _corpus("baomoi_2017/0060.txt")
    assert (value, basis) == ("2017-06-11", "world") and "titled elsewhere: Rex Tillerson" in evidence


@pytest.mark.parametrize("before,holder", [
    ("kêu gọi ông ấy (", True), ("bà là ứng viên ", False), ("cựu ", False), ("ông trở thành ", False),
    ("tranh cử ", False),
])
def test_a_bare_title_is_the_holder_unless_the_office_is_meant(before, holder):
    assert (pubdate._NOT_HOLDER.search(before) is None) is holder


def test_a_named_event_is_told_of_after_it():
    # `vụ thử hạt nhân thứ tư` (6 January 2016), whose window opens a year before it: the earliest year that
    # reaches the event's own day (2016), not the year before it
    value, basis, evidence = _corpus("vims_2016/0011.txt")
    assert value[:4] == "2016" and basis == "world"
    assert any(e.startswith("anchor: ") and "(2016-01-06)" in e for e in evidence)


def test_a_year_after_vao_in_a_sentence_of_plans_is_a_target():
    # `đề nghị … điều chỉnh lộ trình … tham gia BHYT vào năm 2017` in a June 2016 article: a target, no lower bound
    value, basis, evidence = _corpus("vims_2016/0060.txt")
    assert (value, basis) == ("2016-06", "text") and "past year 2017" not in evidence


def test_an_age_only_dates_the_known_person_named_in_full():
    # `nhà sử học Shigeaki Mori (79 tuổi)` is not Prime Minister Yoshiro Mori (`Mori` alone would be)
    assert not any(e.startswith("age: ") for e in _corpus("vims_2016/0017.txt")[2])
    # `mẹ của`, `em gái của mẹ Kim Jong-un`: a relative's age
    assert pubdate._KIN_BEFORE.search("bà Ko, em gái của mẹ ") and not pubdate._KIN_BEFORE.search("Ông ")


def test_births_name_known_people():
    # every birth date is of a person people.tsv knows (for the aliases) or is given with its own aliases
    from transforms import gazetteer as gz
    known = {p.name for persons in gz.people().values() for p in persons}
    assert all(row["name"] in known or row["aliases"] for row in gz.read_tsv("births.tsv"))
    assert pubdate._births()["putin"] == dt.date(1952, 10, 7)


def test_a_bare_guantanamo_is_the_camp():
    # `tù nhân ở Guantanamo`: the detention camp (January 2002) bounds the year from below
    value, basis, evidence = _corpus("vntc_2000s/0143.txt")
    assert "after: Guantanamo (2002-01-11)" in evidence and value >= "2002"


@pytest.mark.parametrize("name,anchor,value,basis", [
    # a year told only as a point in the past is an earlier year than the publication's (news says `năm nay`)
    ("vims_2016/0081.txt", "hồi năm 2015", "2016", "world"),  # `hồi năm 2015` (back in 2015)
    ("dantri_unc_2020/0076.txt", "hồi năm 2000", "2001", "world"),
    ("vims_2016/0029.txt", "Năm 2015, một", "2016", "world"),  # `Năm 2015, …` opening the sentence
    ("vntc_2000s/0103.txt", "Năm 2005, kim", "2006", "world"),  # a trade figure of the year just over
    # a year told otherwise is the publication's at the earliest, as before
    ("vims_2016/0063.txt", "trong năm 2016", "2016", "text"),  # `trong năm 2016` (during 2016)
])
def test_a_year_told_as_a_point_in_the_past(name, anchor, value, basis):
    assert _published("Tiêu đề\n" + corpus_sentence(name, anchor)) == (value, basis)


@pytest.mark.parametrize("said,earlier", [
    ("hồi năm 2000", True), ("vào năm 2012", True), ("Năm 2015, Nga", True), ("cuộc chiến Kosovo (1999)", True),
    ("Năm 2006, trường sẽ tuyển", False), ("trong năm 2016", False), ("đầu năm 2016", False), ("năm 2015 Nga", False),
])
def test_which_years_are_told_as_a_point_in_the_past(said, earlier):
    clues, years = pubdate._year_clues(_year_candidates(said), {0: (0, said)})
    assert (years == []) is earlier and len(clues) == 1


def _year_candidates(text: str):
    from transforms.nlp import Sentence
    from transforms.timexes import recognize
    return recognize([Sentence(0, 0, len(text), text, "body")])


@pytest.mark.parametrize("name,anchor,value,clue", [
    # a dated anchor in a sentence that says `năm ngoái` (last year): an event is of the year before the
    # publication, a landmark's era had begun by then (the publication is from its second year on)
    ("vntc_2000s/0092.txt", "Kashmir", "2006", "anchor: động đất tại khu vực Kashmir (2005-10-08) last year"),
    ("vntc_2000s/0028.txt", "hồi tháng 9 năm ngoái", "2005", "after: Beslan (2004-09-01) last year"),
    ("vntc_2000s/0155.txt", "cuối năm ngoái", "2004", "after: cúm gia cầm (2003-12-15) last year"),
    ("dantri_unc_2020/0046.txt", "tháng 9 năm ngoái", "2021", "after: Covid-19 (2020-01-01) last year"),
    ("vims_2016/0031.txt", "Cuối năm ngoái", "2015", "after: IS (2014-06-29) last year"),  # 2016: a bound only
])
def test_an_anchor_told_of_last_year(name, anchor, value, clue):
    x = extract(clean(Document("x", "doc.txt", "Tiêu đề\n" + corpus_sentence(name, anchor), "utf-8")), today=TODAY)
    assert (x.published.date.value, x.published.basis) == (value, "world") and clue in x.published.evidence


@pytest.mark.parametrize("name,value,evidence", [
    # no day or month, and a window that opens in the last weeks of a year: the next year, which it holds whole
    ("vntc_2000s/0199.txt", "2004", ("after: H5N1 (2003-12-15)",)),
    ("vntc_2000s/0076.txt", "2004", ("office: Phó thủ tướng Chaturon Chaisang", "after: cúm gà (2003-12-15)")),
    # `cố chủ tịch Arafat` (died 11 November 2004): two mid-months agree in 2004, which stays
    ("vntc_2000s/0022.txt", "2004", ("former: chủ tịch Yasser Arafat", "after: cố chủ tịch Arafat (2004-11-11)")),
])
def test_a_window_that_only_touches_its_first_year(name, value, evidence):
    assert _corpus(name) == (value, "world", evidence)


# --- the batch prior of a source group ----------------------------------------------------------------------
@pytest.mark.parametrize("years,typical", [
    ([2004] * 5 + [2005] * 5 + [2006] * 2, 2004),  # 12 dated, all within 2004-2006: the most frequent (earliest of equals)
    ([2016] * 20 + [2014] * 2 + [1969], 2016),  # an outlier of 23 is within the share left out
    ([2004] * 5 + [2005] * 4, None),  # too small: 9 dated articles
    ([1995, 1998, 2001, 2004, 2004, 2005, 2006, 2008, 2010, 2012, 2014, 2016], None),  # too spread: 4 of 12 in 3 years
    ([2005] * 6 + [2010] * 6, None),  # two eras: half in any 3 years
])
def test_a_group_has_a_typical_year_only_when_large_and_tight(years, typical):
    prior = pubdate.group_prior("g", years)
    assert prior.typical == typical and prior.dated == len(years)


def test_the_favoured_year_of_a_window():
    prior = pubdate.group_prior("g", [2004] * 5 + [2005] * 5 + [2006] * 2)
    assert [pubdate.favoured_year(w, prior) for w in [(2005, 2006), (2004, 2005, 2006), (2006, 2007), (2010, 2011)]] \
        == [2005, 2004, 2006, None]  # the most dated articles, the earliest of equals, none outside the prior


def test_which_dates_count_in_a_prior():
    from transforms.timexes import PartialDate as D
    dates = [pubdate.Published(D(2005), "header"), pubdate.Published(D(2005, 6), "world", window=(2005,)),
             pubdate.Published(D(2005), "world", window=(2005, 2006)), pubdate.Published(D(2003), "text"),
             pubdate.Published(None, "none")]
    assert [pubdate.prior_year(p) for p in dates] == [2005, 2005, None, None, None]  # given and closed: not text


VIMS = pubdate.group_prior("vims_2016", [2016] * 20 + [2014] * 2)
BAOMOI = pubdate.group_prior("baomoi_2017", [2017] * 20 + [2015])
VNTC = pubdate.group_prior("vntc_2000s", [2004] * 5 + [2005] * 5 + [2006] * 2)
ALL_2006 = pubdate.group_prior("g", [2006] * 12)


@pytest.mark.parametrize("name,prior,alone,batched", [
    # inside a window left open (IS from 2014 onwards; Carter and Shoigu together 2015-2017): the prior's year,
    # same day, basis world, the prior named first in the evidence
    ("baomoi_2017/0032.txt", BAOMOI, ("2015-05-23", "world"),
     ("2017-05-23", "world", "batch prior: baomoi_2017: 20 of 21 dated articles in 2017")),
    ("vims_2016/0023.txt", VIMS, ("2015-05-04", "world"),
     ("2016-05-04", "world", "batch prior: vims_2016: 20 of 22 dated articles in 2016")),
    ("vntc_2000s/0002.txt", ALL_2006, ("2005", "world"), ("2006", "world", "batch prior: g: 12 of 12 dated articles in 2006")),
    # the prior has no article in the window (2015-2016): the earliest, as alone
    ("vims_2016/0023.txt", pubdate.group_prior("g", [1990] * 12), ("2015-05-04", "world"), None),
    # the prior favours the year chosen alone: unchanged
    ("vntc_2000s/0009.txt", VNTC, ("2004-05", "world"), None),
    # the text fixes the year (`past year 2004`): never moved
    ("vntc_2000s/0019.txt", ALL_2006, ("2004", "text"), None),
    # no clue at all: the group's typical year, at year precision, basis batch
    ("vntc_2000s/0025.txt", VNTC, (None, "none"),
     ("2004", "batch", "batch: vntc_2000s: typical year of 12 dated articles (2004-2006, 5 in 2004)")),
    # ... only when the group is large and tight enough to have one: too small, too spread
    ("vntc_2000s/0025.txt", pubdate.group_prior("g", [2004] * 5 + [2005] * 4), (None, "none"), None),
    ("vntc_2000s/0025.txt", pubdate.group_prior("g", [1995, 1998, 2001, 2004, 2004, 2005, 2006, 2008, 2010, 2012]),
     (None, "none"), None),
])
def test_a_batch_prior_on_corpus_articles(name, prior, alone, batched):
    doc = clean(Document(name, name, decode_bytes(read_corpus(name)).text, "utf-8"))
    first = extract(doc, today=TODAY).published
    assert ((first.date.value if first.date else None), first.basis) == alone
    assert (pubdate.batch_year(first, prior) is None) is (batched is None)  # what the flow re-extracts
    got = extract(doc, today=TODAY, prior=prior).published
    if batched is None:
        assert got == first
    else:
        assert (got.date.value, got.basis, got.evidence[0]) == batched

"""The room's picture (assess/room.py) and joining (serve/join.py), without a server."""

from __future__ import annotations

import pytest
import segno
from room_files import ANSWERS, save_individuals

from innoscan.assess.room import LEAST, RoomReader, room_picture
from innoscan.serve.join import CODE_LETTERS, join_address, new_code, qr_lines
from innoscan.store.session import ResultsFolder


def test_the_picture_shows_the_disagreement_first_and_hides_questions_few_answered(bank, tmp_path):
    folder = ResultsFolder(tmp_path)
    save_individuals(bank, folder)
    loaded, _ = RoomReader(bank, folder, "Team Data", 2026).read()
    picture = room_picture(bank, loaded)
    assert picture.joined == 4
    assert [q.question_id for q in picture.shown] == ["leadership.vision", "activity.products"]
    vision, products = picture.shown
    assert vision.disagree and not products.disagree  # merge's rule: 3 of 4 is a majority
    assert products.counts == {"no": 1, "yes": 3} and products.answered == 4
    assert products.split == pytest.approx(0.25)
    assert picture.waiting == 1  # services: two answers, fewer than LEAST
    assert LEAST == 3
    activity = next(s for s in picture.sections if s.section_id == "activity")
    assert activity.answered == 4 + 2  # products by all, services by two


def test_nothing_is_shown_before_anyone_joins(bank, tmp_path):
    picture = room_picture(bank, [])
    assert picture.joined == 0 and picture.shown == [] and picture.waiting == 0
    assert all(s.share == 0 for s in picture.sections)


def test_the_reader_takes_one_team_and_year_and_reads_a_file_again_only_when_it_changed(
    bank, tmp_path
):
    folder = ResultsFolder(tmp_path)
    save_individuals(bank, folder)
    save_individuals(bank, folder, ANSWERS[:1], team="Other Team")
    save_individuals(bank, folder, ANSWERS[:1], year=2025)
    (tmp_path / "team-data-2026.individual-broken.toml").write_text("not = [toml")
    reader = RoomReader(bank, folder, "Team Data", 2026)
    loaded, changed = reader.read()
    assert len(loaded) == 4 and changed
    assert reader.read() == (loaded, False)  # the same objects: nothing read again
    path = loaded[0].path
    result = loaded[0].result
    result.answers["activity.services"] = "yes"
    result.save(path)
    again, changed = reader.read()
    assert changed and again[0].result.answers["activity.services"] == "yes"
    assert again[1] is loaded[1]


def test_join_codes_are_random_and_easy_to_read():
    codes = {new_code() for _ in range(50)}
    assert len(codes) == 50
    assert all(len(c) == 8 and set(c) <= set(CODE_LETTERS) for c in codes)
    assert not set("01ilo") & set(CODE_LETTERS)
    assert join_address("http://10.0.0.5:8000/", "abcdefgh") == "http://10.0.0.5:8000/?code=abcdefgh"
    assert join_address("http://127.0.0.1:8000/", None) == "http://127.0.0.1:8000/"


def test_the_qr_code_draws_every_module_in_half_blocks_with_a_quiet_zone():
    address = "http://192.168.100.200:8000/?code=abcdefgh"  # as long as an IPv4 one gets
    lines = qr_lines(address)
    assert (len(lines[0]), len(lines)) == (37, 19)  # version 3: fits 80x24 with room to spare
    light = {"█": (True, True), "▀": (True, False), "▄": (False, True), " ": (False, False)}
    drawn = [[light[c][half] for c in line] for line in lines for half in (0, 1)]
    expected = segno.make(address, error="l", boost_error=True, micro=False)
    rows = [[not dark for dark in row] for row in expected.matrix_iter(border=4)]
    assert drawn[: len(rows)] == rows
    assert all(drawn[0]) and all(row[0] and row[-1] for row in rows)  # the quiet zone

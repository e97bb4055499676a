from newsdossier.normalize import normalize, normalize_text


def test_whitespace_and_newlines_are_normalised():
    raw = "  Troops  moved\r\nnorth.\r\n\r\n\r\n\r\nTalks\tbegan\u00a0today.  "
    assert normalize_text(raw) == "Troops moved\nnorth.\n\nTalks began today."


def test_invisible_characters_are_dropped():
    assert normalize_text("cease\u00adfire\u200b agreed\ufeff") == "ceasefire agreed"


def test_unicode_is_composed():
    assert normalize_text("Bogota\u0301 and Sa\u0303o Paulo") == "Bogotá and São Paulo"


def test_quote_glyphs_are_folded():
    assert normalize_text("``Go,'' he said; «non» and „ja“") == "“Go,” he said; “non” and “ja“"


def test_offsets_map_back_to_raw_text():
    raw = "  He said:\r\n\r\n\r\n``We  will\u200b return.''  "
    norm = normalize(raw)
    assert len(norm.raw_offsets) == len(norm.text) + 1
    start = norm.text.index("We")
    assert raw[norm.to_raw(start):norm.to_raw(start) + 2] == "We"
    will = norm.text.index("will")
    assert raw[norm.to_raw(will):].startswith("will")
    assert norm.to_normalized(raw.index("return")) == norm.text.index("return")
    assert norm.to_raw(len(norm.text)) <= len(raw)


def test_every_kept_character_maps_to_the_same_raw_character():
    raw = "Kyiv\u00a0said  on\tMonday:\r\n“No  talks.”\u200b Done."
    norm = normalize(raw)
    for position, char in enumerate(norm.text):
        source = raw[norm.to_raw(position)]
        assert char == source or char == " " or (char == "\n" and source == "\r")


def test_empty_and_blank_input():
    assert normalize_text("") == ""
    assert normalize_text(" \n\t\u200b ") == ""
    assert normalize("").raw_offsets == (0,)

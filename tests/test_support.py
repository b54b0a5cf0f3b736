"""The test helpers that decide a comparison: they must be able to fail."""

from __future__ import annotations

from support import same_words, spaced, word_difference, words


def test_words_are_compared_one_by_one_with_only_the_hyphenation_join_allowed() -> None:
    assert same_words(["non-governmental", "body"], ["nongovernmental", "body"])
    assert not same_words(["nongovernmental"], ["non-governmental"])  # not the other way
    assert not same_words(["the", "hearing"], ["the"])  # a word lost
    assert not same_words(["the", "hearing"], ["the", "hearings"])
    assert not same_words(["a", "b"], ["b", "a"])
    assert word_difference(["a", "b", "c"], ["a", "x", "c"]) == (
        "after '...a': expected ['b', 'c'], got ['x', 'c']"
    )


def test_words_and_spaces_as_a_reader_sees_them() -> None:
    assert words("Multi-\nstakeholder hearing, 18 July.") == [
        "Multi-stakeholder",
        "hearing",
        "18",
        "July",
    ]
    assert spaced(" one\n two\t three ") == "one two three"

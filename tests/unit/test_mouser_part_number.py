"""Part numbers normalised before Mouser sees them; finding the refused one."""

import pytest

from odoo.addons.supplier_mouser.lib.part_number import (
    Bisection,
    is_suspect,
    is_unusual,
    normalise,
)


@pytest.mark.parametrize(
    ("raw", "sent"),
    [
        ("595\u2011NE555P", "595-NE555P"),  # non-breaking hyphen
        ("595\u2013NE555P", "595-NE555P"),  # en dash
        ("595\u2212NE555P", "595-NE555P"),  # minus sign
        ("\u00a0595-NE555P\u202f", "595-NE555P"),  # non-breaking spaces around
        ("595-NE\u200b555P", "595-NE555P"),  # zero-width space
        ("５９５－ＮＥ５５５Ｐ", "595-NE555P"),  # full width
        ("CRCW0603  10K0", "CRCW0603 10K0"),
    ],
)
def test_unicode_dashes_and_spaces_become_ascii(raw, sent):
    assert normalise(raw) == sent
    assert not is_suspect(normalise(raw))


def test_what_cannot_be_normalised_is_suspect():
    assert is_suspect(normalise("595-NE555µP"))
    assert is_suspect("A|B")
    assert not is_suspect("926-LM358MX/NOPB")


def run(batch, refused):
    """Bisect against a Mouser refusing ``refused``: (calls, culprits, passed numbers)."""
    bisection, calls, passed = Bisection(batch), 0, []
    while (group := bisection.next_group()) is not None:
        calls += 1
        if refused & set(group):
            bisection.refused(group)
        else:
            passed.extend(group)
            bisection.passed(group)
    assert bisection.done
    return calls, bisection.culprits, passed


@pytest.mark.parametrize("culprit", range(10))
def test_one_culprit_in_ten_is_found_and_the_nine_others_pass(culprit):
    batch = [f"PN{i}" for i in range(10)]
    calls, culprits, passed = run(batch, {batch[culprit]})
    assert culprits == [batch[culprit]]
    assert sorted(passed) == sorted(set(batch) - {batch[culprit]})
    assert calls <= 7, "never more than a few calls beyond the refused one"


def test_two_culprits_are_both_found():
    batch = [f"PN{i}" for i in range(10)]
    calls, culprits, passed = run(batch, {"PN2", "PN7"})
    assert sorted(culprits) == ["PN2", "PN7"]
    assert len(passed) == 8


def test_a_culprit_with_unusual_characters_is_tried_last():
    batch = [f"595-PART{i}" for i in range(10)]
    batch[4] = "595-PART4<>"
    calls, culprits, passed = run(batch, {"595-PART4<>"})
    assert culprits == ["595-PART4<>"]
    assert calls == 1, "the nine usual ones pass in one call; the tenth is then known bad"
    assert len(passed) == 9


def test_unusual_means_more_than_letters_digits_and_dashes():
    assert not is_unusual("595-NE555P")
    assert is_unusual("926-LM358MX/NOPB")
    assert is_unusual("584-LT1763CS8#PBF")


def test_items_carry_their_number():
    items = [("a", "595-A"), ("b", "595-B<")]
    bisection = Bisection(items, number=lambda item: item[1])
    assert bisection.next_group() == [("a", "595-A")]

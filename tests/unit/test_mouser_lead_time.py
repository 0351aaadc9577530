"""Mouser lead times in the languages of its sites."""

import pytest

from odoo.addons.supplier_mouser.lib.lead_time import LeadTimeError, lead_time_days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("84 Days", 84),  # English
        ("1 Day", 1),
        ("12 Weeks", 84),
        ("42 Tage", 42),  # German
        ("6 Wochen", 42),
        ("42 jours", 42),  # French
        ("6 semaines", 42),
        ("42 días", 42),  # Spanish
        ("6 semanas", 42),
        ("42 giorni", 42),  # Italian
        ("6 settimane", 42),
        ("42 dagar", 42),  # Swedish
        ("6 veckor", 42),
        ("42 dagen", 42),  # Dutch
        ("6 weken", 42),
        ("42 日", 42),  # Japanese, as recorded from mouser.jp
        ("6 週間", 42),
        ("42 天", 42),  # Chinese
        ("6 周", 42),
        ("４２ 日", 42),  # full-width digits
        ("0 Days", 0),
    ],
)
def test_days_and_weeks_in_every_language(text, days):
    assert lead_time_days(text) == days


@pytest.mark.parametrize("text", [None, "", "   "])
def test_no_lead_time_is_none(text):
    assert lead_time_days(text) is None


@pytest.mark.parametrize("text", ["Call for quote", "42", "6 Monate", "Non-Stocked"])
def test_unreadable_lead_time_is_an_error_naming_the_text(text):
    with pytest.raises(LeadTimeError, match="unreadable lead time"):
        lead_time_days(text)

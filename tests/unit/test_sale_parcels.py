"""Parcels of a remote order as a delivery's tracking reference and a sale order's text."""

from odoo.addons.marketplace_sale.lib.order import Tracking
from odoo.addons.marketplace_sale.lib.parcels import (
    carrier_key,
    shared_carrier,
    tracking_ref,
    tracking_text,
)


def test_several_parcels_join_their_numbers_each_once_in_the_remote_order():
    parcels = [
        Tracking("TH2", "Kerry"),
        Tracking(" TH1 ", "Kerry"),
        Tracking("TH2", "Kerry"),
        Tracking("", "Flash"),
    ]
    assert tracking_ref(parcels) == "TH2,TH1", "Odoo's separator, no blank, no repeat"
    assert tracking_text(parcels) == "TH2 (Kerry), TH1 (Kerry)"


def test_no_parcel_is_no_text():
    assert tracking_ref([]) == tracking_text([]) == ""
    assert tracking_ref([Tracking(" ")]) == ""


def test_a_parcel_without_carrier_shows_its_number_alone():
    assert tracking_text([Tracking("TH1"), Tracking("TH2", "Flash")]) == "TH1, TH2 (Flash)"


def test_carriers_compare_trimmed_and_case_insensitive():
    assert carrier_key("  Kerry   Express ") == carrier_key("KERRY express") == "kerry express"


def test_one_carrier_for_the_delivery_only_when_the_parcels_agree():
    assert shared_carrier([Tracking("1", "Kerry"), Tracking("2", "KERRY ")]) == "kerry"
    assert shared_carrier([Tracking("1", "Kerry"), Tracking("2", "")]) == "kerry"
    assert shared_carrier([Tracking("1", "Kerry"), Tracking("2", "Flash")]) == ""
    assert shared_carrier([Tracking("1")]) == ""
    assert shared_carrier([Tracking("", "Kerry")]) == "", "a parcel without number counts not"

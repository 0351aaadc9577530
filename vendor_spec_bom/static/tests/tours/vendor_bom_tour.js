/** @odoo-module **/
// The vendor BOM path of the README: paste a BOM into a quotation, preview
// it, confirm it, and let Recalculate estimate turn it into quotation lines.
import { registry } from "@web/core/registry";

const BOM = "Part number\tQty\tUnit price\nx1\t2\t150\ny1\t4\t9.50\nZZ-UNKNOWN\t1\t0.018";

registry.category("web_tour.tours").add("vendor_spec_bom_tour", {
    steps: () => [
        { trigger: ".o_notebook .nav-link:contains(Vendor BOM)", run: "click" },
        { trigger: "button[name=action_vendor_spec_import]", run: "click" },
        {
            trigger: ".modal .o_field_widget[name=paste] textarea",
            async run(actions) {
                await actions.edit(BOM); // several lines: not a run string
            },
        },
        { trigger: ".modal button[name=action_preview]", run: "click" },
        { trigger: ".modal:contains(3 line(s) will replace the vendor BOM)" },
        { trigger: ".modal .o_data_row:contains(ZZ-UNKNOWN)" },
        { trigger: ".modal button[name=action_confirm]", run: "click" },
        { trigger: "body:not(:has(.modal))" },
        { trigger: ".o_field_widget[name=vendor_spec_line_ids] .o_data_row:contains(ZZ-UNKNOWN)" },
        { trigger: "button[name=action_vendor_spec_recalculate]", run: "click" },
        { trigger: ".modal:contains(This replaces the quotation lines) .modal-footer .btn-primary", run: "click" },
        { trigger: "body:not(:has(.modal))" },
        { trigger: ".o_notebook .nav-link:contains(Order Lines)", run: "click" },
        { trigger: ".o_field_widget[name=order_line] .o_data_row:contains(LOT B)" },
        { trigger: ".o_notebook .nav-link:contains(Pricing)", run: "click" },
        { trigger: ".o_field_widget[name=vendor_spec_pricing_html]:contains(9.50000)" },
        { trigger: ".o_field_widget[name=vendor_spec_pricing_html]:contains(Unresolved)" },
    ],
});

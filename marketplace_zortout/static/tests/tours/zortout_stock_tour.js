/** @odoo-module **/
// The operator's main path, as in the README: a Zortout account, its
// connection tested, a stock sync queued and run, the moves it made.
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("marketplace_zortout_stock_tour", {
    url: "/odoo/action-marketplace_base.marketplace_account_action",
    steps: () => [
        { trigger: ".o_list_button_add", run: "click" },
        { trigger: ".o_field_widget[name=name] input", run: "edit Tour store" },
        { trigger: ".o_field_widget[name=channel] select", run: 'select "zortout"' },
        { trigger: ".o_notebook .nav-link:contains(Zortout)", run: "click" },
        { trigger: ".o_field_widget[name=zortout_storename] input", run: "edit shop" },
        { trigger: ".o_field_widget[name=zortout_apikey] input", run: "edit key" },
        { trigger: ".o_field_widget[name=zortout_apisecret] input", run: "edit secret" },
        { trigger: ".o_form_button_save", run: "click" },
        { trigger: ".o_form_saved" },
        { trigger: "button[name=action_test_connection]", run: "click" },
        { trigger: ".o_notification:contains(Connection to Tour store works)" },
        { trigger: "button[name=action_zortout_sync_stock]", run: "click" },
        { trigger: ".o_notification:contains(Job queued)" },
        { trigger: "button[name=action_view_jobs]", run: "click" },
        { trigger: ".o_data_row td:contains(Sync Stock from Zortout)", run: "click" },
        { trigger: "button[name=action_run_now]", run: "click" },
        { trigger: ".o_statusbar_status .o_arrow_button_current:contains(Done)" },
        { trigger: "button[name=action_view_records]:contains(Records changed)", run: "click" },
        { trigger: ".o_data_row:contains(Tour product)" },
    ],
});

from . import vendor_spec_api

from . import zortout_order_import

PRICE_DIGITS = 5


def post_init_hook(env):
    """Vendor unit prices such as 0.018 or 0.00412 keep their decimals: the
    "Product Price" precision (the one of vendor pricelists) is raised to five
    digits when it is lower, the rule of the suite's Mouser addon."""
    precision = env.ref("product.decimal_price")
    precision.digits = max(precision.digits, PRICE_DIGITS)

PRICE_DIGITS = 5


def post_init_hook(env):
    """Mouser quotes reel prices such as 0,018 € or $0.00412: with Odoo's default
    two digits they would be rounded to 0.02 and 0.00, so the "Product Price"
    precision is raised to five digits when it is lower."""
    precision = env.ref("product.decimal_price")
    precision.digits = max(precision.digits, PRICE_DIGITS)

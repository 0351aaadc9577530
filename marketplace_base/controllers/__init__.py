# The webhook route mixin is imported by the channels' controllers; nothing is routed here.

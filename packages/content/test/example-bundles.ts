import { EXAMPLE_REGIONS, type RegionBundle } from '@regiokit/core/examples';

/** The regions every template is rendered for in the tests: the four reference regions of core. */
export const EXAMPLE_BUNDLES: readonly RegionBundle[] = EXAMPLE_REGIONS;

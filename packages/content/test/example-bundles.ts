import { FIXTURE_BUNDLES, type FixtureBundle } from './fixtures/regions';

/** The regions every template is rendered for in the tests. */
export const EXAMPLE_BUNDLES: readonly FixtureBundle[] = FIXTURE_BUNDLES;

/**
 * What the plugin's package.json says about itself, read at run time so that a release never disagrees with
 * its own manifest (name, version, where its sources and documentation live).
 */
interface Manifest {
  name: string;
  version: string;
  repository: { url: string };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const manifest = require('../package.json') as Manifest;

export const PACKAGE_NAME = manifest.name;
export const PACKAGE_VERSION = manifest.version;

/** The repository's web address: `git+https://github.com/o/r.git` becomes `https://github.com/o/r`. */
export const REPOSITORY_URL = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/**
 * The repository's files as of this release. Releases are tagged `v<version>`, so documentation links always
 * describe the rules this copy of the plugin runs, not whatever `main` holds today.
 */
export const RELEASE_FILES_URL = `${REPOSITORY_URL}/blob/v${PACKAGE_VERSION}`;

import type { FrameworkModel } from './framework-model';

/** typedi: the service container routing-controllers apps use; `Container.get(AuthService)` hands out the instance. */
const typedi: FrameworkModel = {
  kind: 'framework',
  id: 'typedi',
  name: 'typedi',
  packages: ['typedi'],
  covers: '`Container.get(Service)` (also `Container.get<Service>(token)`): the methods called on what it returns are the project class\'s, followed into its file like a constructed instance\'s',
  serviceLookups: ['Container.get'],
};

export default typedi;

import type { FrameworkModel } from './framework-model';

/** tsyringe: `container.resolve(Service)` hands out the instance of a project class. */
const tsyringe: FrameworkModel = {
  kind: 'framework',
  id: 'tsyringe',
  name: 'tsyringe',
  packages: ['tsyringe'],
  covers: '`container.resolve(Service)` (also `container.resolve<Service>(token)`): the methods called on what it returns are the project class\'s, followed into its file like a constructed instance\'s',
  serviceLookups: ['container.resolve'],
};

export default tsyringe;

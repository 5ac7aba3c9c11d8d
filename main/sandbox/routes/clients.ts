import type { RouteModule } from '../context';

// Being written: see the sandbox issue.
export const clientRoutes: RouteModule = () => {};

// The modules of this instance, in manifest order (the order their migrations run).
import type { ModuleManifest } from '../core/module.ts';
import { voicesModule } from './voices/index.ts';
import { inclusionModule } from './inclusion/index.ts';
import { budgetingModule } from './budgeting/index.ts';

export const modules: readonly ModuleManifest[] = [voicesModule, inclusionModule, budgetingModule];

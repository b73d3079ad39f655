import type { Linter } from 'eslint';

/** The house's layers as ESLint configs (eslint.layers.js). */
export declare const layers: Linter.Config[];

import { evaluateGuard } from './eval-guard.ts';
const { report } = await evaluateGuard();
console.log(report);

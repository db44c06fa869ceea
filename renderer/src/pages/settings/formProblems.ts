// Moved to components/formProblems.ts (other pages use it too); the settings tabs import it from here until the
// issue-12 branches are merged, then from there.
export { failureMessage, showProblemsOnForm } from '../../components/formProblems';

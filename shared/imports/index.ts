export * from './planMemberImport';

export { buildFacts, FACT_TABLES, type FactsResult, type FactTable } from './build-facts.ts'

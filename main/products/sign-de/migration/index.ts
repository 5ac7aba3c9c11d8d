export { CSV_BOM, csvCell, excelCsv } from './csv';
export { POS_MAPPING_CSV_COLUMNS, buildPosMapping, posMappingCsv, posMappingJson, type PosMappingInput } from './pos-mapping';

/** The one file-name rule, in the contract so the page proposes the names main writes. */
export { fileNamePart } from '../../preload/contract/core/files';

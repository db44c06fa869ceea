/** The direct reader declines a file (it does not understand it); readXlsx then decides what to do. */
export class UnsupportedXlsx extends Error {
  override name = 'UnsupportedXlsx';
}

import PagedCards from '../components/PagedCards'
import type { DeskTableProps } from './table'

/**
 * A staff list on a phone and in WeChat: its cards. The browser build's DeskTable.h5.tsx
 * draws a table at the desk, so none of the table enters the WeChat package.
 */
export default function DeskTable<T>(props: DeskTableProps<T>) {
  return <PagedCards {...props} />
}

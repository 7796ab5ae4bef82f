import { createContext } from 'react'

/**
 * True inside a list that has a record open beside it (DeskSplit.h5.tsx): its table, half as
 * wide, leaves out the columns marked `secondary`.
 */
export const BesideContext = createContext(false)

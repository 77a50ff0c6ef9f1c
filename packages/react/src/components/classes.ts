'use client'

/**
 * Styling props every component takes. `P` names the parts inside the root.
 *
 * @example
 * <KickedOfflineDialog className="my-dialog" classNames={{ button: 'btn' }} />
 * <ConnectionBanner unstyled className="banner" />
 */
export interface StyleProps<P extends string> {
  /** Added to the root element's classes. */
  readonly className?: string | undefined
  /** Added to the classes of each inner part. */
  readonly classNames?: Partial<Record<P, string>> | undefined
  /** Leaves out the kit's own class names (yours stay), to style from scratch; `data-state` stays. */
  readonly unstyled?: boolean | undefined
}

/**
 * Class names of a component's parts: `csk-<block>` for the root, `csk-<block>__<part>` for the parts,
 * plus the app's own.
 */
export function classes<P extends string>(block: string, props: StyleProps<P>) {
  return (part?: P): string | undefined => {
    const own = props.unstyled ? '' : part ? `csk-${block}__${part}` : `csk-${block}`
    const extra = part ? props.classNames?.[part] : props.className
    return (extra ? (own ? `${own} ${extra}` : extra) : own) || undefined
  }
}

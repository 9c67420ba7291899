/**
 * The controls the sidebar draws, whatever helpdesk it runs in. Components import them from `@ui`, which the build
 * points at one kit: Zendesk Garden (`garden.tsx`, the Zendesk build and the tests) or Freshworks Crayons
 * (`crayons.tsx`, the Freshworks build). Both kits take exactly these props, so one component source serves both.
 */
import type { AnchorHTMLAttributes, ComponentType, MouseEventHandler, ReactNode, RefAttributes } from 'react';

export interface ButtonProps {
  children?: ReactNode;
  size?: 'small';
  isPrimary?: boolean;
  isBasic?: boolean;
  isDanger?: boolean;
  disabled?: boolean;
  type?: 'button' | 'submit';
  onClick?: MouseEventHandler<HTMLElement>;
  'aria-label'?: string;
  'aria-describedby'?: string;
  'aria-expanded'?: boolean;
  'aria-controls'?: string;
  'aria-pressed'?: boolean;
}

export interface AnchorProps extends Pick<AnchorHTMLAttributes<HTMLAnchorElement>, 'href' | 'target' | 'rel' | 'onClick' | 'aria-label' | 'children'> {
  isExternal?: boolean;
  /** Said after the link text when it opens a new tab. */
  externalIconLabel?: string;
}

export interface NoticeProps { title: string; type?: 'info' | 'warning' | 'error' | 'success'; children?: ReactNode }

export interface SkeletonProps { width?: string; 'aria-label'?: string }

export interface DotsProps { 'aria-label'?: string }

export interface UiKit {
  Button: ComponentType<ButtonProps & RefAttributes<HTMLButtonElement>>;
  Anchor: ComponentType<AnchorProps>;
  Notice: ComponentType<NoticeProps>;
  Skeleton: ComponentType<SkeletonProps>;
  Dots: ComponentType<DotsProps>;
  /** Wraps every page of the kit (Garden's theme). */
  UiProvider: ComponentType<{ children: ReactNode }>;
}

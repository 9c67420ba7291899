/** The Zendesk build's kit: Zendesk Garden, as the agent workspace draws its own controls. */
import type { ComponentProps, ComponentType, JSXElementConstructor } from 'react';
import { Alert } from '@zendeskgarden/react-notifications';
import { Anchor as GardenAnchor, Button as GardenButton } from '@zendeskgarden/react-buttons';
import { Dots as GardenDots, Skeleton as GardenSkeleton } from '@zendeskgarden/react-loaders';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import type { UiKit } from './kit';

/** Garden's component, typed by the kit's props, which it must accept (`Kit extends` its own props: checked here). */
type AsKit<C extends JSXElementConstructor<any>, Kit extends ComponentProps<C>> = ComponentType<Kit>;

export const Button = GardenButton as unknown as AsKit<typeof GardenButton, ComponentProps<UiKit['Button']>>;
export const Anchor = GardenAnchor as unknown as AsKit<typeof GardenAnchor, ComponentProps<UiKit['Anchor']>>;
export const Skeleton = GardenSkeleton as unknown as AsKit<typeof GardenSkeleton, ComponentProps<UiKit['Skeleton']>>;
export const Dots = GardenDots as unknown as AsKit<typeof GardenDots, ComponentProps<UiKit['Dots']>>;
export const UiProvider: UiKit['UiProvider'] = ThemeProvider;

export const Notice: UiKit['Notice'] = ({ title, type = 'info', children }) => (
  <Alert type={type} role={type === 'error' ? 'alert' : 'status'}>
    <Alert.Title>{title}</Alert.Title>
    {children}
  </Alert>
);
